import type Database from 'better-sqlite3';
import type { Payment } from '../../../app/payment/payment';

export interface FollowedRefund {
  readonly refundId: string;
  readonly amountMinor: number;
}

/**
 * Keeps `refunds` in step with each payment's refunded total (see migrations.ts, version 3): a rise no
 * refund row accounts for yet is written as one refund of the difference, dated now. Runs inside
 * `save`'s transaction, so the row and the refund can never disagree.
 */
export function createRefundFollower(db: Database.Database): (payment: Payment, at: number) => FollowedRefund | null {
  const covered = db.prepare<[string], number>('SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE payment_id = ?').pluck();
  const insert = db.prepare<[string, string, number, string, number]>(
    'INSERT INTO refunds (payment_id, refund_id, amount_minor, currency, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (payment, at) => {
    if (payment.refundedMinor <= 0) return null;
    const known = Number(covered.get(payment.id) ?? 0);
    const amountMinor = payment.refundedMinor - known;
    if (amountMinor <= 0) return null;
    // Totals only ever rise, so "total-<n>" is unique per payment.
    const refundId = `total-${payment.refundedMinor}`;
    if (insert.run(payment.id, refundId, amountMinor, payment.amount.currency, at).changes === 0) return null;
    return { refundId, amountMinor };
  };
}
