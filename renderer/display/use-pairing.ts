import { useEffect, useState } from 'react';
import { displayLanguages, LANGUAGES, type DisplayLanguages, type Language } from '../../app/i18n/languages';
import { PAIR_PATH, PAIRING_CLOSE, PAIRING_REFUSALS, type PairingRefusedWhy } from '../../app/ipc/pairing-constants';

/** Where the pairing screen stands: asking, showing a code, refused for now (with the host's reason, when it gave one), or paired. */
export type PairingStep =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'waiting'; readonly why: 'refused' | 'unreachable'; readonly refused: PairingRefusedWhy | null }
  | { readonly kind: 'paired'; readonly token: string };

/** The step, and the display's languages as the terminal last named them (English until it has). */
export type PairingState = PairingStep & { readonly languages: DisplayLanguages };

/** After a refusal (too many requests) the page asks again only after this long. */
const REFUSED_RETRY_MS = 30_000;
const LOST_RETRY_MS = 3_000;
const ENGLISH = displayLanguages(['en']);

type Parsed =
  | { readonly type: 'pairing_code'; readonly code: string; readonly languages: DisplayLanguages }
  | { readonly type: 'pairing_refused'; readonly why: PairingRefusedWhy; readonly languages: DisplayLanguages }
  | { readonly type: 'paired'; readonly token: string }
  | null;

const isLanguage = (value: unknown): value is Language => LANGUAGES.some((language) => language === value);
const isRefusal = (value: unknown): value is PairingRefusedWhy => PAIRING_REFUSALS.some((why) => why === value);

/** The languages the host named, at most two known ones; English when it named none. */
function languagesIn(value: unknown): DisplayLanguages {
  const named = Array.isArray(value) ? value.filter(isLanguage).slice(0, 2) : [];
  return displayLanguages(named.length === 0 ? ['en'] : named);
}

/** The host's messages, read strictly: anything else is ignored. */
function parse(data: unknown): Parsed {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    if (value.type === 'pairing_code' && typeof value.code === 'string' && /^\d{4,8}$/.test(value.code)) return { type: 'pairing_code', code: value.code, languages: languagesIn(value.languages) };
    if (value.type === 'pairing_refused' && isRefusal(value.why)) return { type: 'pairing_refused', why: value.why, languages: languagesIn(value.languages) };
    if (value.type === 'paired' && typeof value.token === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value.token)) return { type: 'paired', token: value.token };
  } catch {
    return null;
  }
  return null;
}

/**
 * An unpaired display asks the host for a code and shows it until the cashier approves it; an expired
 * code is replaced at once, a refusal is retried after a pause, and a dropped host is asked again.
 */
export function usePairing(): PairingState {
  const [step, setStep] = useState<PairingStep>({ kind: 'connecting' });
  const [languages, setLanguages] = useState<DisplayLanguages>(ENGLISH);
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let socket: WebSocket | null = null;
    // Why the host last refused a code (it says so just before closing), for the waiting line.
    let refusedWhy: PairingRefusedWhy | null = null;
    const open = (): void => {
      if (stopped) return;
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${PAIR_PATH}`);
      socket = ws;
      ws.onmessage = (event: MessageEvent) => {
        const message = parse(event.data);
        if (message?.type === 'pairing_code') {
          setLanguages(message.languages);
          setStep({ kind: 'code', code: message.code });
        }
        if (message?.type === 'pairing_refused') {
          setLanguages(message.languages);
          refusedWhy = message.why;
        }
        if (message?.type === 'paired') {
          stopped = true;
          setStep({ kind: 'paired', token: message.token });
        }
      };
      ws.onclose = (event: CloseEvent) => {
        if (stopped) return;
        if (event.code === PAIRING_CLOSE.expired) return open();
        const refused = event.code === PAIRING_CLOSE.refused;
        setStep({ kind: 'waiting', why: refused ? 'refused' : 'unreachable', refused: refused ? refusedWhy : null });
        refusedWhy = null;
        retry = setTimeout(open, refused ? REFUSED_RETRY_MS : LOST_RETRY_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close(1000);
    };
  }, []);
  return { ...step, languages };
}
