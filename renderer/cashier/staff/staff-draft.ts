import type { CommandArgs } from '../../../app/ipc/contract';
import type { StaffView } from '../../../app/ipc/staff-schemas';
import type { CurrencyCode } from '../../../app/money/currency';
import { parseDecimal } from '../../../app/money/money';
import type { StaffRole } from '../../../app/staff/staff';
import { assertNever } from '../../../app/util/assert-never';
import { err, ok, type Result } from '../../../app/util/result';
import { amountProblemText } from '../shared/amount-problem';
import type { StaffWords } from '../words/staff';

/*
 * The staff list as the Staff panel edits it, and how it becomes `saveStaff`'s arguments. Pure, so
 * every rule the screen adds to main's (the PIN typed twice, a new person's id, the refund amount
 * typed in the shop's currency) is tested as the cashier meets it.
 */

export interface DraftMember {
  /** Stable across edits, for React's list. */
  readonly key: string;
  /** The id main knows them by; null for someone added here and not yet saved. */
  readonly id: string | null;
  readonly name: string;
  readonly role: StaffRole;
  /** A new PIN, typed twice; both empty keeps the one they have. */
  readonly pin: string;
  readonly pinAgain: string;
}

export type RuleMode = 'all' | 'over' | 'none';

export interface StaffDraft {
  readonly members: readonly DraftMember[];
  readonly rule: RuleMode;
  /** The "over" amount as typed, in the shop's currency. */
  readonly threshold: string;
}

/** Problems by where they show: `members.0.pinAgain`, `members.1.role`, `members` (the list), `threshold`. */
export type DraftProblems = Readonly<Record<string, string>>;

/** The draft for the staff main keeps, with nothing typed yet. */
export function draftOf(view: StaffView, toDecimal: (minor: number) => string): StaffDraft {
  const rule = view.refundApproval;
  return {
    members: view.members.map((m) => ({ key: m.id, id: m.id, name: m.name, role: m.role, pin: '', pinAgain: '' })),
    rule: rule.mode,
    threshold: rule.mode === 'over' ? toDecimal(rule.thresholdMinor) : '',
  };
}

/** A new row: the first person (or anyone while no manager is listed) starts as a manager, as main requires one. */
export function newMember(draft: StaffDraft, key: string): DraftMember {
  const role: StaffRole = draft.members.some((m) => m.role === 'manager') ? 'cashier' : 'manager';
  return { key, id: null, name: '', role, pin: '', pinAgain: '' };
}

/** A short id from a name ("Mei Ling" → "mei-ling"), unlike every id in `taken`; ids never change once saved. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '') || 'staff';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${String(n)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * `saveStaff`'s arguments, or the problems only the screen can see: two PINs that differ, or a refund
 * amount that is not one. Everything else (names, PIN length, a manager listed) is main's to say.
 */
export function toSaveArgs(draft: StaffDraft, currency: CurrencyCode, words: StaffWords): Result<CommandArgs<'saveStaff'>, DraftProblems> {
  const problems: Record<string, string> = {};
  draft.members.forEach((m, i) => {
    if (m.pin !== m.pinAgain) problems[`members.${String(i)}.pinAgain`] = words.row.samePin;
  });
  const refundApproval = refundRule(draft, currency, words);
  if (!refundApproval.ok) problems['threshold'] = refundApproval.error;
  if (Object.keys(problems).length > 0) return err(problems);
  const taken = new Set(draft.members.flatMap((m) => (m.id === null ? [] : [m.id])));
  const members = draft.members.map((m) => {
    const id = m.id ?? idFromName(m.name, taken);
    taken.add(id);
    return { id, name: m.name, role: m.role, ...(m.pin === '' ? {} : { pin: m.pin }) };
  });
  return refundApproval.ok ? ok({ members, refundApproval: refundApproval.value }) : err(problems);
}

type RefundRule = CommandArgs<'saveStaff'>['refundApproval'];

/** The refund rule as main takes it; the amount is typed as money, in the shop's currency. */
function refundRule(draft: StaffDraft, currency: CurrencyCode, words: StaffWords): Result<RefundRule, string> {
  switch (draft.rule) {
    case 'all':
      return ok({ mode: 'all' });
    case 'none':
      return ok({ mode: 'none' });
    case 'over': {
      if (draft.threshold.trim() === '') return err(words.rule.amountNeeded(currency));
      const amount = parseDecimal(draft.threshold, currency);
      if (amount.ok) return ok({ mode: 'over', thresholdMinor: amount.value.minor });
      // "Over 0.00" is a rule too: every refund but a zero one.
      return amount.error.kind === 'zero' ? ok({ mode: 'over', thresholdMinor: 0 }) : err(words.rule.notAnAmount(currency, amountProblemText(amount.error, draft.threshold, currency, words.rule.amount)));
    }
    default:
      return assertNever(draft.rule, 'refund rule');
  }
}

/**
 * Main's field problems, placed where the panel shows them: `members.1.pin` (the schema's paths) and
 * `staff.1.pin` (the staff service's) at that row's field, `staff` (no manager) at the first role.
 */
export function placeProblems(fields: Readonly<Record<string, string>>, sent: CommandArgs<'saveStaff'>): { readonly placed: DraftProblems; readonly rest: readonly string[] } {
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const row = /^(?:members|staff)\.([^.]+)\.(\w+)$/.exec(path);
    if (row !== null) {
      const [, which = '', field = ''] = row;
      const index = /^\d+$/.test(which) ? Number(which) : sent.members.findIndex((m) => m.id === which);
      if (index >= 0 && index < sent.members.length) {
        placed[`members.${String(index)}.${field === 'id' ? 'name' : field}`] = message;
        continue;
      }
    }
    if ((path === 'staff' || path === 'members') && sent.members.length > 0) placed['members.0.role'] = message;
    else if (path.startsWith('refundApproval')) placed['threshold'] = message;
    else rest.push(`${path} ${message}`);
  }
  return { placed, rest };
}
