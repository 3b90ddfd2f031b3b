import { useEffect } from 'react';
import { PAIRING_CODE_DIGITS } from '../../app/ipc/pairing-constants';
import { keepToken } from './kept-token';
import { usePairing } from './use-pairing';
import './pairing.css';

/** "123456" as people read it aloud: "123 456". */
const grouped = (code: string): string => (code.length === PAIRING_CODE_DIGITS ? `${code.slice(0, 3)} ${code.slice(3)}` : code);

/**
 * The display with no token: a code for the cashier to type under Devices. It shows nothing of the
 * shop until then. Once approved, it keeps its own token and opens as the customer display.
 */
export function PairingApp() {
  const state = usePairing();
  useEffect(() => {
    if (state.kind !== 'paired') return;
    // Where the browser keeps nothing, the token rides in the address for as long as this page stays open.
    const kept = keepToken(state.token);
    location.replace(kept ? location.pathname : `${location.pathname}?token=${encodeURIComponent(state.token)}`);
  }, [state]);

  return (
    <main className="display display--blocked pairing" data-testid="display-pairing" data-state={state.kind}>
      <h1 className="pairing__title">Pair this screen with the terminal</h1>
      {state.kind === 'code' && (
        <>
          <p className="pairing__text">On the cashier screen, open Devices, then type this code under “Customer displays”:</p>
          <p className="pairing__code" data-testid="pairing-code" aria-label={`Pairing code ${state.code.split('').join(' ')}`}>
            {grouped(state.code)}
          </p>
          <p className="pairing__hint">The code changes every 2 minutes. Once paired, this screen keeps working after restarts.</p>
        </>
      )}
      {state.kind === 'connecting' && <p className="pairing__text">Asking the terminal for a code…</p>}
      {state.kind === 'waiting' && (
        <p className="pairing__text" role="status">
          {state.reason}
        </p>
      )}
      {state.kind === 'paired' && <p className="pairing__text">Paired. Opening the customer display…</p>}
    </main>
  );
}
