import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { StaffMember } from '../../../app/staff/staff';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import type { StaffWords } from '../words/staff';
import type { ApprovalRequest } from './approval-slice';
import { answerManagerApproval } from './manager-approval';
import { PinEntry } from './pin-entry';
import { PIN } from './session';
import { useStaffStore } from './staff-store';
import '../shared/confirm-dialog.css';
import './sign-in.css';

/** What the screen itself finds wrong before sending: no manager chosen, or not a PIN. */
type Typo = 'choose' | 'pin_format';

/**
 * The innermost dialog open now (a question inside a panel), so the manager's dialog opens inside it:
 * each dialog below then leaves Esc and the keys to the one on top, as for any question over a panel.
 */
function innermostOpenDialog(): Element {
  const open = document.querySelectorAll('dialog[open]');
  return open[open.length - 1] ?? document.body;
}

/** Back: nothing is sent again. One function for every render, so the modal dialog is opened once. */
const back = (): void => answerManagerApproval(null);

/** The managers to choose from; the one chosen types the PIN. */
function ManagerList(props: { readonly managers: readonly StaffMember[]; readonly chosen: string | null; readonly disabled: boolean; readonly onChoose: (managerId: string) => void }) {
  const words = useWords().staff.approval;
  return (
    <ul className="manager-approval__managers" aria-label={words.managers}>
      {props.managers.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="button sign-in__name"
            data-testid="manager-approval-manager"
            data-staff-id={m.id}
            aria-pressed={props.chosen === m.id}
            disabled={props.disabled}
            onClick={() => props.onChoose(m.id)}
          >
            {m.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Back sends nothing; Approve sends the PIN (Enter does too). */
function ApprovalActions({ sending }: { readonly sending: boolean }) {
  const words = useWords().staff;
  return (
    <div className="confirm-dialog__actions">
      <p className="confirm-dialog__hint">{words.approval.hint}</p>
      <button type="button" className="button button--secondary" data-testid="manager-approval-back" disabled={sending} onClick={back}>
        {words.approval.back}
      </button>
      <button type="submit" className="button button--primary" data-testid="manager-approval-submit" disabled={sending}>
        {sending ? words.signIn.checking : words.approval.approve}
      </button>
    </div>
  );
}

/** Main's sentence, and what is wrong: the screen's own check of what was typed, else main's answer to the last PIN. */
function useApprovalWords(request: ApprovalRequest, typo: Typo | null, words: StaffWords): { readonly sentence: string; readonly problem: string | null } {
  const say = useSay();
  const problem = typo === null ? (request.problem === null ? null : say(request.problem)) : typo === 'choose' ? words.approval.chooseManager : words.pin.format;
  return { sentence: say(request.sentence), problem };
}

function ApprovalDialog({ request, managers }: { readonly request: ApprovalRequest; readonly managers: readonly StaffMember[] }) {
  const dialog = useModalDialog(back);
  const words = useWords().staff;
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(managers.length === 1 ? (managers[0]?.id ?? null) : null);
  const [pin, setPin] = useState('');
  const [typo, setTypo] = useState<Typo | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // Read while rendering, before the dialog opens and takes the focus; it gets it back afterwards.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => () => void (opener?.isConnected === true && opener.focus()), [opener]);
  // Each refusal empties the PIN for the next try.
  useEffect(() => setPin(''), [request.problem]);
  useEffect(() => {
    if (chosen !== null && !request.sending) field.current?.focus();
  }, [chosen, request.sending, request.problem]);

  const manager = managers.find((m) => m.id === chosen) ?? null;
  const { sentence, problem } = useApprovalWords(request, typo, words);
  const submit = (): void => {
    if (request.sending) return;
    if (manager === null) return setTypo('choose');
    if (!PIN.test(pin)) return setTypo('pin_format');
    setTypo(null);
    answerManagerApproval({ staffId: manager.id, pin });
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog manager-approval"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="manager-approval"
      onCancel={(event) => event.preventDefault()}
    >
      <form
        className="manager-approval__form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="confirm-dialog__body manager-approval__body">
          <div className="manager-approval__who">
            <h2 id={`${id}-title`} className="confirm-dialog__title">
              {words.approval.title}
            </h2>
            <p id={`${id}-text`} className="confirm-dialog__text" data-testid="manager-approval-text">
              {sentence}
            </p>
            <ManagerList
              managers={managers}
              chosen={chosen}
              disabled={request.sending}
              onChoose={(managerId) => {
                setChosen(managerId);
                setTypo(null);
              }}
            />
            {problem !== null && (
              <p id={`${id}-problem`} className="staff-problem" role="alert" data-testid="manager-approval-problem">
                {problem}
              </p>
            )}
          </div>
          <PinEntry
            label={manager === null ? words.approval.managersPin : words.pin.pinFor(manager.name)}
            value={pin}
            onChange={(next) => {
              setPin(next);
              setTypo(null);
            }}
            disabled={request.sending || manager === null}
            problemId={problem === null ? undefined : `${id}-problem`}
            testId="manager-approval"
            inputRef={field}
          />
        </div>
        <ApprovalActions sending={request.sending} />
      </form>
    </dialog>
  );
}

/** Opens when a command needs a manager's PIN (see manager-approval.ts), over whatever asked for it. */
export function ManagerApprovalDialog() {
  const request = useStaffStore((s) => s.approvalRequest);
  const members = useStaffStore((s) => s.staff?.members);
  const [host, setHost] = useState<Element | null>(null);
  const open = request !== null;
  useEffect(() => setHost(open ? innermostOpenDialog() : null), [open]);
  if (request === null || host === null) return null;
  const managers = (members ?? []).filter((m) => m.role === 'manager');
  return createPortal(<ApprovalDialog request={request} managers={managers} />, host);
}
