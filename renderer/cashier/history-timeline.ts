import type { TimelineEntry } from '../../app/ipc/history';
import { isCurrencyCode } from '../../app/money/currency';
import { PAYMENT_STATUSES } from '../../app/ipc/history';
import { isOverpaid, type Payment, type PaymentStatus } from '../../app/payment/payment';
import { formatAmount } from '../shared/format-amount';

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
  paid_after_cancel: 'Paid after cancel',
  refunded: 'Refunded in full',
};

export const statusWords = (status: PaymentStatus): string => STATUS_WORDS[status];

/** The status with what a list must not hide: an overpayment, a late payment, a part whose amount nobody reported. */
export function paymentStatusWords(payment: Pick<Payment, 'amount' | 'state'>): string {
  const state = payment.state;
  if (state.status === 'partially_paid' && state.received === null) return `${STATUS_WORDS.partially_paid} (amount not reported)`;
  if (state.status !== 'paid') return STATUS_WORDS[state.status];
  return [STATUS_WORDS.paid, isOverpaid(payment) ? 'overpaid' : null, state.late === true ? 'late' : null].filter((w) => w !== null).join(' \u2014 ');
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
