import type { Payment, PaymentState } from '../../../app/payment/payment';
import { JournalWriteError } from './journal-errors';
import { refundRow, summaryObject } from './journal-reads';
import type { JournalStatements } from './journal-statements';
import type { JournalEvent, RefundRecord } from './journal-types';
import { paymentToRow } from './payment-row';
import type { Redactor } from './redaction';
import type { FollowedRefund } from './refund-follower';
import { guardWrite } from './sqlite-connection';

/** What the journal's writes need; each write runs inside a transaction the journal opens. */
export interface JournalWriteContext {
  readonly sql: JournalStatements;
  readonly now: () => number;
  readonly redactor: Redactor;
  readonly followRefund: (payment: Payment, at: number) => FollowedRefund | null;
}

export function insertEvent(ctx: JournalWriteContext, paymentId: string, kind: string, summary: Readonly<Record<string, unknown>>): JournalEvent {
  if (kind.length < 1 || kind.length > 64) throw new RangeError(`An event kind is 1 to 64 characters, got "${kind}"`);
  const summaryJson = ctx.redactor.summaryJson(summary);
  const at = ctx.now();
  const info = guardWrite(`Event for payment ${paymentId} not recorded`, () => ctx.sql.insertEvent.run(paymentId, at, kind, summaryJson));
  return { seq: Number(info.lastInsertRowid), paymentId, at, kind, summary: summaryObject.parse(JSON.parse(summaryJson)) };
}

export function savePayment(ctx: JournalWriteContext, payment: Payment): void {
  const row = paymentToRow(payment);
  const before = ctx.sql.stateOf.get(payment.id);
  guardWrite(`Payment ${payment.id} not saved`, () => ctx.sql.upsert.run(row));
  // Same transaction as the row: the log can never miss a change the row shows, nor the reverse.
  if (before === undefined || before.state_json !== row.state_json) {
    insertEvent(ctx, payment.id, 'status', statusSummary(before?.status ?? null, payment.state));
  }
  // A partial refund leaves the state as it was; this still dates it, for the timeline and end of day.
  const refund = ctx.followRefund(payment, ctx.now());
  if (refund !== null) {
    insertEvent(ctx, payment.id, 'refund', { ...refund, currency: payment.amount.currency, totalRefundedMinor: payment.refundedMinor });
  }
}

export function recordRefund(ctx: JournalWriteContext, refund: RefundRecord): void {
  if (!Number.isSafeInteger(refund.amountMinor) || refund.amountMinor <= 0) {
    throw new RangeError(`A refund is a whole number of minor units above zero, got ${String(refund.amountMinor)}`);
  }
  const currency = ctx.sql.currencyOf.get(refund.paymentId);
  if (currency === undefined) throw new JournalWriteError(`Refund ${refund.refundId} not recorded: no payment ${refund.paymentId} in the journal`);
  if (currency !== refund.currency) {
    throw new JournalWriteError(`Refund ${refund.refundId} is in ${refund.currency}, but payment ${refund.paymentId} is in ${currency}`);
  }
  const existing = ctx.sql.findRefund.get(refund.paymentId, refund.refundId);
  if (existing !== undefined) {
    // The same refund reported twice (a retry, a reconcile) is one refund; a different amount is a contradiction.
    const known = refundRow.parse(existing);
    if (known.amount_minor === refund.amountMinor) return;
    throw new JournalWriteError(
      `Refund ${refund.refundId} of payment ${refund.paymentId} is already recorded as ${known.amount_minor} minor units, not ${refund.amountMinor}`,
    );
  }
  ctx.sql.insertRefund.run(refund.paymentId, refund.refundId, refund.amountMinor, refund.currency, refund.at);
  insertEvent(ctx, refund.paymentId, 'refund', { refundId: refund.refundId, amountMinor: refund.amountMinor, currency: refund.currency });
}

/** What a status event says: where the payment came from and the whole state it moved to. */
function statusSummary(from: string | null, state: PaymentState): Record<string, unknown> {
  const { status, ...details } = state;
  return { from, to: status, ...details };
}
