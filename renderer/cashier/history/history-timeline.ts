import { PAYMENT_STATUSES, type AuditEntry, type TimelineEntry } from '../../../app/ipc/history';
import { assertNever } from '../../../app/util/assert-never';
import { isCurrencyCode } from '../../../app/money/currency';
import { formatMoney } from '../../../app/money/money';
import { isOverpaid, type Payment, type PaymentStatus } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import type { HistoryAuditWords, HistoryWords } from '../words/history';
import type { PaymentSaid } from '../../../app/i18n/said/payment';
import type { Told } from '../shared/told';

/** A status by itself, as the filter's choices name it. */
export const statusWords = (status: PaymentStatus, words: HistoryWords): string => words.statuses[status];

/**
 * The status with what a list must not hide: an overpayment, a late payment, a part whose amount nobody
 * reported. English unless given the cashier's words (History's own status passes them).
 */
export function stateWords(payment: Pick<Payment, 'amount' | 'state'>, locale: string | undefined, words: HistoryWords): string {
  const state = payment.state;
  if (state.status === 'partially_paid' && state.received === null) return words.state.partlyPaidNotReported;
  if (state.status === 'cancelled_with_money') {
    const received = state.received === null ? null : formatMoney(state.received, locale);
    return words.state.cancelledWithMoney(received, state.returned !== undefined);
  }
  if (state.status !== 'paid') return words.statuses[state.status];
  const late = state.late !== true ? null : state.kept === undefined ? words.state.lateToDecide : words.state.lateKept;
  return [words.statuses.paid, isOverpaid(payment) ? words.state.overpaid : null, late].filter((w) => w !== null).join(' \u2014 ');
}

const asStatus = (value: unknown): PaymentStatus | null =>
  typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value) ? (value as PaymentStatus) : null;

/**
 * A logged failure as the terminal told it: its sentence, and its `Said` when the service found one well
 * formed (`failureSaid`: checked in electron/service/journal/timeline-entry.ts, so zod stays out of this page).
 */
function loggedFailure(value: unknown, said: PaymentSaid | undefined): Told | null {
  if (typeof value !== 'object' || value === null || !('message' in value)) return null;
  return { message: String(value.message), ...(said === undefined ? {} : { said }) };
}

/**
 * One line of a payment's journal log in the cashier's words; the journal's summary is read defensively.
 * A failure's sentence is worded by `say` (in the cashier's language where it came with a `Said`).
 */
export function timelineText(entry: TimelineEntry, locale: string | undefined, words: HistoryWords, say: (told: Told) => string = (t) => t.message): string {
  const s = entry.summary;
  const says = words.timeline;
  if (entry.kind === 'status') {
    const to = asStatus(s['to']);
    const failure = loggedFailure(s['failure'], entry.failureSaid);
    const status = to === null ? says.unknownStatus(String(s['to'])) : statusWords(to, words);
    return failure === null ? status : says.withFailure(status, say(failure));
  }
  if (entry.kind === 'refund') {
    const minor = s['amountMinor'];
    const currency = s['currency'];
    if (typeof minor === 'number' && typeof currency === 'string' && isCurrencyCode(currency)) return says.refundedAmount(formatAmount({ minor, currency }, locale));
    return says.refunded;
  }
  // A kind this screen does not know: the journal's own record, for whoever reads it to a technician.
  return `${entry.kind}: ${JSON.stringify(s).slice(0, 120)}`;
}

/** "by Ali, approved by Mei"; a one-person shop's acts say nobody was signed in. */
function byWhom(entry: Pick<AuditEntry, 'operator' | 'approvedBy'>, words: HistoryAuditWords): string {
  const by = entry.operator === null ? words.nobody : words.by(entry.operator.name);
  // A manager who did it themselves approved it too: said once.
  return entry.approvedBy === null || entry.approvedBy.id === entry.operator?.id ? by : words.approved(by, entry.approvedBy.name);
}

/** One act from the audit in the cashier's words: what was done, by whom, and who approved. */
export function auditText(entry: AuditEntry, locale: string | undefined, words: HistoryWords): string {
  const d = entry.detail;
  const says = words.audit;
  const who = byWhom(entry, says);
  switch (entry.action) {
    case 'refund': {
      const minor = d['amountMinor'];
      const currency = d['currency'];
      const amount = typeof minor === 'number' && typeof currency === 'string' && isCurrencyCode(currency) ? formatAmount({ minor, currency }, locale) : null;
      // A late payment the provider cannot refund through the terminal: the decision, the money goes back by hand.
      const back = d['toReturnMinor'];
      if (typeof back === 'number' && typeof currency === 'string' && isCurrencyCode(currency)) {
        return says.lateNotKept(formatAmount({ minor: back, currency }, locale), who);
      }
      return says.refund(amount, who);
    }
    case 'close_day':
      return says.closeDay(who);
    case 'settings':
      return says.settings(who);
    case 'devices':
      return says.devices(who);
    case 'staff':
      return says.staff(who);
    case 'park':
      return says.park(who);
    case 'resolve':
      return says.resolve(who);
    case 'keep_late':
      return says.keepLate(who);
    case 'returned':
      return says.returned(who);
    case 'pair_display':
      return says.pairDisplay(typeof d['name'] === 'string' ? d['name'] : '?', who);
    case 'unpair_display':
      return says.unpairDisplay(typeof d['name'] === 'string' ? d['name'] : '?', who);
    case 'pos_key_made':
      return says.posKeyMade(typeof d['name'] === 'string' ? d['name'] : '?', who);
    case 'pos_key_revoked':
      return says.posKeyRevoked(typeof d['name'] === 'string' ? d['name'] : '?', who);
    case 'pos_certificate_replaced':
      return says.posCertificateReplaced(who);
    default:
      return assertNever(entry.action, 'audit action');
  }
}
