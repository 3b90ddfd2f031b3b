import type { Payment } from '../../../app/payment/payment';
import type { Journal } from './journal-types';

/** A restart within this long of a sale's end still prints the receipt the last run did not get to. */
const RECEIPT_RESUME_MS = 60 * 60 * 1000;

/** The sales that ended within RECEIPT_RESUME_MS of `now`, for the printer to finish what it owed them. */
export function recentlyEnded(journal: Journal, now: number): readonly Payment[] {
  // Sales made up to a QR's longest life (12 h) before; filtered on when they ended.
  const page = journal.list({ from: now - 13 * RECEIPT_RESUME_MS, status: ['paid', 'paid_after_cancel', 'failed', 'expired', 'cancelled'], limit: 200, offset: 0 });
  return page.payments.filter((p) => p.updatedAt >= now - RECEIPT_RESUME_MS);
}
