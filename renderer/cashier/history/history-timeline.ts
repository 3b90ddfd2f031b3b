import { PAYMENT_STATUSES, type AuditEntry, type TimelineEntry } from '../../../app/ipc/history';
import { assertNever } from '../../../app/util/assert-never';
import { isCurrencyCode } from '../../../app/money/currency';
import { moneyBackTitle } from '../../../app/payment/money-back';
import { isOverpaid, type Payment, type PaymentStatus } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';

const STATUS_WORDS: Readonly<Record<PaymentStatus, string>> = {
  creating: 'Creating',
  awaiting: 'Waiting for the customer',
  cancelling: 'Cancelling',
  unknown: 'Unknown provider status',
  needs_attention: 'Needs attention',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
  cancelled_with_money: 'Cancelled, money received',
  paid_after_cancel: 'Paid after cancel',
  refunded: 'Refunded in full',
};

export const statusWords = (status: PaymentStatus): string => STATUS_WORDS[status];

/** The status with what a list must not hide: an overpayment, a late payment, a part whose amount nobody reported. */
export function stateWords(payment: Pick<Payment, 'amount' | 'state'>, locale?: string): string {
  const state = payment.state;
  if (state.status === 'partially_paid' && state.received === null) return `${STATUS_WORDS.partially_paid} (amount not reported)`;
  if (state.status === 'cancelled_with_money') return moneyBackTitle(state, locale);
  if (state.status !== 'paid') return STATUS_WORDS[state.status];
  const late = state.late !== true ? null : state.kept === undefined ? 'late, keep or refund' : 'late, kept';
  return [STATUS_WORDS.paid, isOverpaid(payment) ? 'overpaid' : null, late].filter((w) => w !== null).join(' \u2014 ');
}

const asStatus = (value: unknown): PaymentStatus | null =>
  typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value) ? (value as PaymentStatus) : null;

/** One line of a payment's journal log in the cashier's words; the journal's summary is read defensively. */
export function timelineText(entry: TimelineEntry, locale: string | undefined): string {
  const s = entry.summary;
  if (entry.kind === 'status') {
    const to = asStatus(s['to']);
    const failure = typeof s['failure'] === 'object' && s['failure'] !== null && 'message' in s['failure'] ? String(s['failure'].message) : null;
    const words = to === null ? `Status ${String(s['to'])}` : statusWords(to);
    return failure === null ? words : `${words}: ${failure}`;
  }
  if (entry.kind === 'refund') {
    const minor = s['amountMinor'];
    const currency = s['currency'];
    if (typeof minor === 'number' && typeof currency === 'string' && isCurrencyCode(currency)) return `Refunded ${formatAmount({ minor, currency }, locale)}`;
    return 'Refunded';
  }
  return `${entry.kind}: ${JSON.stringify(s).slice(0, 120)}`;
}

/** "by Ali, approved by Mei"; a one-person shop's acts say nobody was signed in. */
function byWhom(entry: Pick<AuditEntry, 'operator' | 'approvedBy'>): string {
  const by = entry.operator === null ? 'with nobody signed in' : `by ${entry.operator.name}`;
  // A manager who did it themselves approved it too: said once.
  const approved = entry.approvedBy === null || entry.approvedBy.id === entry.operator?.id ? '' : `, approved by ${entry.approvedBy.name}`;
  return by + approved;
}

/** One act from the audit in the cashier's words: what was done, by whom, and who approved. */
export function auditText(entry: AuditEntry, locale: string | undefined): string {
  const d = entry.detail;
  const who = byWhom(entry);
  switch (entry.action) {
    case 'refund': {
      const minor = d['amountMinor'];
      const currency = d['currency'];
      const amount = typeof minor === 'number' && typeof currency === 'string' && isCurrencyCode(currency) ? ` of ${formatAmount({ minor, currency }, locale)}` : '';
      // A late payment the provider cannot refund through the terminal: the decision, the money goes back by hand.
      const back = d['toReturnMinor'];
      if (typeof back === 'number' && typeof currency === 'string' && isCurrencyCode(currency)) {
        return `Late payment not kept: ${formatAmount({ minor: back, currency }, locale)} to be given back, decided ${who}`;
      }
      return `Refund${amount} made ${who}`;
    }
    case 'close_day':
      return `Day closed ${who}`;
    case 'settings':
      return `Settings changed ${who}`;
    case 'devices':
      return `Device settings changed ${who}`;
    case 'staff':
      return `Staff list changed ${who}`;
    case 'park':
      return `Set aside ${who}`;
    case 'resolve':
      return `Marked resolved ${who}`;
    case 'keep_late':
      return `Late payment kept ${who}`;
    case 'returned':
      return `Money marked as returned ${who}`;
    default:
      return assertNever(entry.action, 'audit action');
  }
}
