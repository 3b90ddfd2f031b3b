import { useEffect } from 'react';
import { DISPLAY_CATALOGS } from '../../app/i18n/catalogs';
import type { PairingWords } from '../../app/i18n/display-catalog';
import type { DisplayLanguages, Language } from '../../app/i18n/languages';
import { PAIRING_CODE_DIGITS } from '../../app/ipc/pairing-constants';
import { keepToken } from './kept-token';
import { usePairing, type PairingState } from './use-pairing';
import './pairing.css';

/** "123456" as people read it aloud: "123 456". */
const grouped = (code: string): string => (code.length === PAIRING_CODE_DIGITS ? `${code.slice(0, 3)} ${code.slice(3)}` : code);

/** One line in the display's languages: the first as the line, the second smaller beneath it. */
interface SaidProps {
  readonly languages: DisplayLanguages;
  readonly pick: (words: PairingWords) => string;
  readonly className: string;
  readonly role?: 'status';
  readonly as?: 'p' | 'h1';
}

function Said({ languages, pick, className, role, as: Tag = 'p' }: SaidProps) {
  const say = (language: Language) => pick(DISPLAY_CATALOGS[language].pairing);
  const { primary, secondary } = languages;
  return (
    <Tag className={className} role={role}>
      <span className="words__primary" lang={primary}>
        {say(primary)}
      </span>
      {secondary !== null && (
        <span className="words__secondary" lang={secondary}>
          {say(secondary)}
        </span>
      )}
    </Tag>
  );
}

function Step({ state }: { readonly state: PairingState }) {
  const { languages } = state;
  switch (state.kind) {
    case 'code':
      return (
        <>
          <Said languages={languages} className="pairing__text" pick={(w) => w.instruction} />
          <p className="pairing__code" data-testid="pairing-code" aria-label={DISPLAY_CATALOGS[languages.primary].pairing.codeLabel(state.code.split('').join(' '))}>
            {grouped(state.code)}
          </p>
          <Said languages={languages} className="pairing__hint" pick={(w) => w.hint} />
        </>
      );
    case 'connecting':
      return <Said languages={languages} className="pairing__text" pick={(w) => w.asking} />;
    case 'waiting':
      return (
        <Said
          languages={languages}
          className="pairing__text"
          role="status"
          pick={(w) => (state.why === 'unreachable' ? w.cannotReach : state.refused === null ? w.refused : w.refusedWhy[state.refused])}
        />
      );
    case 'paired':
      return <Said languages={languages} className="pairing__text" pick={(w) => w.paired} />;
  }
}

/**
 * The display with no token: a code for the cashier to type under Devices, in the display's languages
 * (the host names them with the code). It shows nothing of the shop until then. Once approved, it
 * keeps its own token and opens as the customer display.
 */
export function PairingApp() {
  const state = usePairing();
  useEffect(() => {
    document.documentElement.lang = state.languages.primary;
  }, [state.languages.primary]);
  useEffect(() => {
    if (state.kind !== 'paired') return;
    // Where the browser keeps nothing, the token rides in the address for as long as this page stays open.
    const kept = keepToken(state.token);
    location.replace(kept ? location.pathname : `${location.pathname}?token=${encodeURIComponent(state.token)}`);
  }, [state]);

  return (
    <main className="display display--blocked pairing" data-testid="display-pairing" data-state={state.kind}>
      <Said as="h1" languages={state.languages} className="pairing__title" pick={(w) => w.title} />
      <Step state={state} />
    </main>
  );
}
