import { useRef, useState } from 'react';
import type { ApiError } from '../../../app/ipc/contract';
import { toDecimalString } from '../../../app/money/money';
import { useCashierStore } from '../cashier-store';
import { useModalDialog } from '../shared/use-modal-dialog';
import { RefundRuleField } from './refund-rule-field';
import { useSession } from './session-context';
import { draftOf, newMember, placeProblems, toSaveArgs, type DraftMember, type DraftProblems, type StaffDraft } from './staff-draft';
import { StaffRow } from './staff-row';
import { useStaffStore } from './staff-store';
import { savedWords } from './staff-words';
import './staff-panel.css';

type Answer = { readonly ok: boolean; readonly text: string } | null;

function refusalWords(error: ApiError, placed: number, rest: readonly string[]): string {
  if (error.code !== 'invalid_args' || (placed === 0 && rest.length === 0)) return error.message;
  const fix = placed === 0 ? '' : `${placed === 1 ? 'one field needs' : `${String(placed)} fields need`} correcting, as shown at ${placed === 1 ? 'it' : 'each'}`;
  return `Nothing was saved: ${[fix, ...rest].filter((part) => part !== '').join('; ')}`;
}

/**
 * The staff list: add, rename, change a role, set a new PIN (typed twice), remove; and when a refund
 * needs a manager. Saving sends the whole list; main checks it (a manager must be listed) and asks a
 * manager's PIN when a cashier saves. With nobody listed, it says plainly what is unprotected.
 */
export function StaffPanel({ onClose }: { readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const session = useSession();
  const view = useStaffStore((s) => s.staff);
  const currency = useCashierStore((s) => s.terminal?.defaultCurrency ?? 'SGD');
  const locale = useCashierStore((s) => s.terminal?.locale);
  const toDecimal = (minor: number): string => toDecimalString({ minor, currency });
  const [draft, setDraft] = useState<StaffDraft | null>(() => (view === null ? null : draftOf(view, toDecimal)));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [answer, setAnswer] = useState<Answer>(null);
  const [saving, setSaving] = useState(false);
  const nextKey = useRef(0);

  if (view === null || draft === null) {
    return (
      <dialog ref={dialog} className="staff-panel" data-testid="staff-panel" aria-labelledby="staff-title" onCancel={(e) => e.preventDefault()}>
        <h2 id="staff-title">Staff</h2>
        <p role="status">Reading the staff list…</p>
      </dialog>
    );
  }

  const edit = (next: StaffDraft): void => {
    setDraft(next);
    setAnswer(null);
  };
  /** A field edited is a problem answered: its sentence goes until the next save says otherwise. */
  const forget = (prefix: string): void => setProblems((now) => Object.fromEntries(Object.entries(now).filter(([path]) => !path.startsWith(prefix))));
  const setMember = (index: number, member: DraftMember): void => {
    forget(`members.${String(index)}.`);
    edit({ ...draft, members: draft.members.map((m, i) => (i === index ? member : m)) });
  };
  const add = (): void => {
    nextKey.current += 1;
    edit({ ...draft, members: [...draft.members, newMember(draft, `new-${String(nextKey.current)}`)] });
  };
  const save = async (): Promise<void> => {
    const args = toSaveArgs(draft, currency);
    if (!args.ok) {
      setProblems(args.error);
      setAnswer({ ok: false, text: 'Nothing was saved: correct what is shown at the fields' });
      return;
    }
    setSaving(true);
    setAnswer(null);
    const result = await session.saveStaff(args.value);
    setSaving(false);
    if (result === null) return;
    if (!result.ok) {
      const { placed, rest } = placeProblems(result.error.fields ?? {}, args.value);
      setProblems(placed);
      setAnswer({ ok: false, text: refusalWords(result.error, Object.keys(placed).length, rest) });
      return;
    }
    setProblems({});
    setDraft(draftOf(result.value, toDecimal));
    setAnswer({ ok: true, text: savedWords(result.value, currency, locale) });
  };

  return (
    <dialog ref={dialog} className="staff-panel" data-testid="staff-panel" aria-labelledby="staff-title" onCancel={(e) => e.preventDefault()}>
      <form
        className="staff-panel__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="staff-panel__head">
          <h2 id="staff-title">Staff and PINs</h2>
          <button type="button" className="button button--secondary" data-testid="staff-close" onClick={onClose}>
            Close (Esc)
          </button>
        </div>
        <div className="staff-panel__body">
          {view.warning !== null && (
            <p className="staff-warning" role="alert" data-testid="staff-panel-warning">
              {view.warning}
            </p>
          )}
          {draft.members.length === 0 ? (
            <p data-testid="staff-empty">Nobody is listed. Add a manager first: only a manager can refund past the rule, close the day and change settings.</p>
          ) : (
            draft.members.map((member, index) => (
              <StaffRow
                key={member.key}
                member={member}
                index={index}
                problems={problems}
                onChange={(next) => setMember(index, next)}
                onRemove={() => {
                  // Rows below move up: their problems would sit at the wrong person.
                  setProblems({});
                  edit({ ...draft, members: draft.members.filter((_, i) => i !== index) });
                }}
              />
            ))
          )}
          <button type="button" className="button button--secondary staff-panel__add" data-testid="staff-add" onClick={add}>
            Add a person
          </button>
          {draft.members.length > 0 && (
            <RefundRuleField
              rule={draft.rule}
              threshold={draft.threshold}
              currency={currency}
              problem={problems['threshold']}
              onChange={(rule, threshold) => {
                forget('threshold');
                edit({ ...draft, rule, threshold });
              }}
            />
          )}
        </div>
        <div className="staff-panel__foot">
          <button type="submit" className="button button--primary" data-testid="staff-save" disabled={saving}>
            {saving ? 'Saving…' : 'Save the staff list'}
          </button>
          {answer !== null && (
            <p className={answer.ok ? 'devices-panel__answer' : 'devices-panel__answer devices-panel__answer--bad'} role="status" data-testid="staff-saved">
              {answer.text}
            </p>
          )}
        </div>
      </form>
    </dialog>
  );
}
