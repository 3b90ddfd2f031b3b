import { useEffect, useState } from 'react';
import { PAIR_PATH, PAIRING_CLOSE } from '../../app/ipc/pairing-constants';

/** Where the pairing screen stands: asking, showing a code, refused for now (with the host's reason), or paired. */
export type PairingState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'waiting'; readonly reason: string }
  | { readonly kind: 'paired'; readonly token: string };

/** After a refusal (too many requests) the page asks again only after this long. */
const REFUSED_RETRY_MS = 30_000;
const LOST_RETRY_MS = 3_000;

type Parsed = { readonly type: 'pairing_code'; readonly code: string } | { readonly type: 'paired'; readonly token: string } | null;

/** The host's messages, read strictly: anything else is ignored. */
function parse(data: unknown): Parsed {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    if (value.type === 'pairing_code' && typeof value.code === 'string' && /^\d{4,8}$/.test(value.code)) return { type: 'pairing_code', code: value.code };
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
  const [state, setState] = useState<PairingState>({ kind: 'connecting' });
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let socket: WebSocket | null = null;
    const open = (): void => {
      if (stopped) return;
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${PAIR_PATH}`);
      socket = ws;
      ws.onmessage = (event: MessageEvent) => {
        const message = parse(event.data);
        if (message?.type === 'pairing_code') setState({ kind: 'code', code: message.code });
        if (message?.type === 'paired') {
          stopped = true;
          setState({ kind: 'paired', token: message.token });
        }
      };
      ws.onclose = (event: CloseEvent) => {
        if (stopped) return;
        if (event.code === PAIRING_CLOSE.expired) return open();
        const refused = event.code === PAIRING_CLOSE.refused;
        setState({ kind: 'waiting', reason: refused && event.reason !== '' ? event.reason : 'Cannot reach the terminal; trying again' });
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
  return state;
}
