import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult, RequestLookup } from '../../../app/ipc/contract';
import { pastedImage, readLookupImage, type LookupRefusal } from './lookup-image';
import { LookupResult } from './lookup-result';
import type { Told } from '../shared/told';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import './lookup.css';

/** Why not: what the terminal told (worded at render time when it came as a `Said`), or the screen's own refusal of a picture. */
type LookupProblem = Told | LookupRefusal;

type LookupState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'found'; readonly lookup: RequestLookup }
  | { readonly kind: 'failed'; readonly problem: LookupProblem };

export interface LookupPanelProps {
  readonly locale: string;
  readonly lookup: (imageBase64: string) => Promise<ApiResult<RequestLookup>>;
  readonly onClose: () => void;
}

/**
 * Captured at the window, before the cashier's own keys: while the panel is open, Esc closes it and
 * never clears the sale, and digits or Enter never reach the amount or Charge. A paste is a picture to read.
 */
function useLookupKeys(onClose: () => void, send: (blob: Blob) => Promise<void>, setState: (state: LookupState) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      event.stopPropagation();
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    const onPaste = (event: ClipboardEvent): void => {
      const image = pastedImage(event);
      event.preventDefault();
      if (image === null) setState({ kind: 'failed', problem: 'noPicture' });
      else void send(image);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('paste', onPaste);
    };
  }, [onClose, send, setState]);
}

/** What the picture said: being read, the request found, or why not. */
function LookupOutcome({ state, locale }: { readonly state: LookupState; readonly locale: string }) {
  const words = useWords().lookup;
  const say = useSay();
  return (
    <div className="lookup__outcome" aria-live="polite">
      {state.kind === 'reading' && (
        <p className="lookup__reading" data-testid="lookup-reading">
          {words.reading}
        </p>
      )}
      {state.kind === 'found' && <LookupResult lookup={state.lookup} locale={locale} />}
      {state.kind === 'failed' && (
        <p className="cashier-error" role="alert" data-testid="lookup-error">
          {typeof state.problem === 'string' ? words[state.problem] : say(state.problem)}
        </p>
      )}
    </div>
  );
}

/**
 * Orangepill's Reveal QR at the counter: the cashier pastes or chooses a picture of a customer's
 * payment-request QR and reads what that request stands at. A modal over the idle sale screen.
 */
export function LookupPanel({ locale, lookup, onClose }: LookupPanelProps) {
  const [state, setState] = useState<LookupState>({ kind: 'waiting' });
  const words = useWords().lookup;
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  /** The latest picture's turn, so a slow answer for an earlier one never replaces a newer one. */
  const turn = useRef(0);

  const send = useCallback(
    async (blob: Blob) => {
      const mine = ++turn.current;
      setState({ kind: 'reading' });
      const image = await readLookupImage(blob);
      if (!image.ok) {
        if (mine === turn.current) setState({ kind: 'failed', problem: image.refusal });
        return;
      }
      const result: ApiResult<RequestLookup> = await lookup(image.base64);
      if (mine !== turn.current) return;
      setState(result.ok ? { kind: 'found', lookup: result.value } : { kind: 'failed', problem: result.error });
    },
    [lookup],
  );

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    // The dialog would focus its first focusable element, the hidden file input; the button is the one to press.
    chooseButton.current?.focus();
    return () => element?.close();
  }, []);

  useLookupKeys(onClose, send, setState);

  return (
    <dialog
      ref={dialog}
      className="lookup"
      data-testid="lookup-panel"
      aria-labelledby="lookup-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="lookup-title" className="lookup__title">
        {words.title}
      </h2>
      <p className="lookup__help">{words.help}</p>
      <input
        ref={fileInput}
        className="lookup__file"
        type="file"
        accept="image/png,image/jpeg"
        data-testid="lookup-file"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again still counts as a choice.
          event.target.value = '';
          if (file !== undefined) void send(file);
        }}
      />
      <LookupOutcome state={state} locale={locale} />
      <div className="lookup__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="lookup-choose"
          disabled={state.kind === 'reading'}
          ref={chooseButton}
          onClick={() => fileInput.current?.click()}
        >
          {words.choose}
        </button>
        <button type="button" className="button lookup__close" data-testid="lookup-close" onClick={onClose}>
          {words.close}
        </button>
      </div>
    </dialog>
  );
}
