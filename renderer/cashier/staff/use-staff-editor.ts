import { useRef, useState } from 'react';
import type { ApiError } from '../../../app/ipc/contract';
import { toDecimalString } from '../../../app/money/money';
import { useCashierStore } from '../cashier-store';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import type { Told } from '../shared/told';
import type { StaffWords } from '../words/staff';
import { useSession } from './session-context';
import { draftOf, newMember, placeProblems, toSaveArgs, type DraftMember, type DraftProblems, type StaffDraft } from './staff-draft';
import { useStaffStore } from './staff-store';
import { savedWords } from './staff-words';

type Answer = { readonly ok: boolean; readonly text: string } | null;

function refusalWords(error: ApiError, placed: number, rest: readonly string[], words: StaffWords, say: (told: Told) => string): string {
  if (error.code !== 'invalid_args' || (placed === 0 && rest.length === 0)) return say(error);
  return words.panel.notSaved([...(placed === 0 ? [] : [words.panel.fieldsToFix(placed)]), ...rest]);
}

/**
 * The staff list as edited on the panel: the draft, the problems at its fields, and what the last save
 * said. Saving sends the whole list through the session, which asks a manager's PIN where main wants one.
 */
export function useStaffEditor() {
  const session = useSession();
  const words = useWords().staff;
  const say = useSay();
  const view = useStaffStore((s) => s.staff);
  const currency = useCashierStore((s) => s.terminal?.defaultCurrency ?? 'SGD');
  const locale = useCashierStore((s) => s.terminal?.locale);
  const toDecimal = (minor: number): string => toDecimalString({ minor, currency });
  const [draft, setDraft] = useState<StaffDraft | null>(() => (view === null ? null : draftOf(view, toDecimal)));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [answer, setAnswer] = useState<Answer>(null);
  const [saving, setSaving] = useState(false);
  const nextKey = useRef(0);

  const edit = (next: StaffDraft): void => {
    setDraft(next);
    setAnswer(null);
  };
  /** A field edited is a problem answered: its sentence goes until the next save says otherwise. */
  const forget = (prefix: string): void => setProblems((now) => Object.fromEntries(Object.entries(now).filter(([path]) => !path.startsWith(prefix))));
  const setMember = (current: StaffDraft, index: number, member: DraftMember): void => {
    forget(`members.${String(index)}.`);
    edit({ ...current, members: current.members.map((m, i) => (i === index ? member : m)) });
  };
  const remove = (current: StaffDraft, index: number): void => {
    // Rows below move up: their problems would sit at the wrong person.
    setProblems({});
    edit({ ...current, members: current.members.filter((_, i) => i !== index) });
  };
  const add = (current: StaffDraft): void => {
    nextKey.current += 1;
    edit({ ...current, members: [...current.members, newMember(current, `new-${String(nextKey.current)}`)] });
  };
  const setRule = (current: StaffDraft, rule: StaffDraft['rule'], threshold: StaffDraft['threshold']): void => {
    forget('threshold');
    edit({ ...current, rule, threshold });
  };
  const save = async (current: StaffDraft): Promise<void> => {
    const args = toSaveArgs(current, currency, words);
    if (!args.ok) {
      setProblems(args.error);
      setAnswer({ ok: false, text: words.panel.fixFields });
      return;
    }
    setSaving(true);
    setAnswer(null);
    const result = await session.saveStaff(args.value);
    setSaving(false);
    if (result === null) return;
    if (!result.ok) {
      // Worded now, in the cashier's language of the moment: the panel keeps sentences by field.
      const saids = result.error.fieldsSaid ?? {};
      const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([path, message]) => [path, say({ message, said: saids[path] })]));
      const { placed, rest } = placeProblems(fields, args.value);
      setProblems(placed);
      setAnswer({ ok: false, text: refusalWords(result.error, Object.keys(placed).length, rest, words, say) });
      return;
    }
    setProblems({});
    setDraft(draftOf(result.value, toDecimal));
    setAnswer({ ok: true, text: savedWords(result.value, currency, locale, words) });
  };

  return { view, draft, problems, answer, saving, currency, setMember, remove, add, setRule, save };
}

export type StaffEditor = ReturnType<typeof useStaffEditor>;
