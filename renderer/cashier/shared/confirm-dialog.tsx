import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useWords } from '../words/use-words';
import { useModalDialog } from './use-modal-dialog';
import './confirm-dialog.css';

export interface ConfirmDialogProps {
  /** The question in a few words, e.g. "Refund SGD 5.00?". */
  readonly title: string;
  /** The sentence that names what will happen; read out as the dialog's description. */
  readonly question: string;
  /** What the action's button says, e.g. "Refund SGD 5.00". */
  readonly acceptLabel: string;
  /** What it says while the action is on its way, e.g. "Refunding…". */
  readonly busyLabel: string;
  readonly busy: boolean;
  readonly onAccept: () => void;
  readonly onBack: () => void;
  /** `refund-confirm` gives `refund-confirm`, `refund-confirm-text`, `refund-confirm-accept`, `refund-confirm-back`. */
  readonly testId: string;
  /** Figures that back the question (a table), under the sentence; the dialog is wider to hold them. */
  readonly children?: ReactNode;
}

/**
 * A question before something that cannot be undone. Back has the focus, so Enter and Esc go back;
 * the action takes a click, a tap, or Space on its own button, where Enter does nothing, so a key
 * pressed (or held) out of habit never does it. The focus returns to what opened the question.
 */
export function ConfirmDialog({ title, question, acceptLabel, busyLabel, busy, onAccept, onBack, testId, children }: ConfirmDialogProps) {
  // Kept in refs so the dialog is not reopened (and the focus not moved) each time `busy` changes.
  const latest = useRef({ busy, onBack });
  useLayoutEffect(() => {
    latest.current = { busy, onBack };
  });
  const back = useCallback(() => {
    if (!latest.current.busy) latest.current.onBack();
  }, []);
  const dialog = useModalDialog(back);
  const backButton = useRef<HTMLButtonElement>(null);
  const acceptButton = useRef<HTMLButtonElement>(null);
  // Read while rendering, before the dialog opens and takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const id = useId();
  const words = useWords().common;

  useEffect(() => {
    backButton.current?.focus();
    // The modal dialog stops keys before they reach the page, but a button's own Enter still clicks it.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' && event.target === acceptButton.current) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (opener?.isConnected === true) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={dialog}
      className={children === undefined || children === false ? 'confirm-dialog' : 'confirm-dialog confirm-dialog--wide'}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid={testId}
      onCancel={(event) => event.preventDefault()}
    >
      <div className="confirm-dialog__body">
        <h2 id={`${id}-title`} className="confirm-dialog__title">
          {title}
        </h2>
        <p id={`${id}-text`} className="confirm-dialog__text" data-testid={`${testId}-text`}>
          {question}
        </p>
        {children}
      </div>
      <div className="confirm-dialog__actions">
        <p className="confirm-dialog__hint">{words.confirmHint(acceptLabel)}</p>
        <button ref={backButton} type="button" className="button button--secondary" data-testid={`${testId}-back`} disabled={busy} onClick={back}>
          {words.back}
        </button>
        <button ref={acceptButton} type="button" className="button button--danger" data-testid={`${testId}-accept`} disabled={busy} onClick={onAccept}>
          {busy ? busyLabel : acceptLabel}
        </button>
      </div>
    </dialog>
  );
}
