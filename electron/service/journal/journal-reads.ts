import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import type { Payment } from '../../../app/payment/payment';
import type { JournalEvent, JournalPage, RefundRecord, UnreadableRow } from './journal-types';
import { rowToPayment } from './payment-row';

const eventRow = z.object({
  seq: z.number().int(),
  payment_id: z.string(),
  at: z.number().int(),
  kind: z.string(),
  summary_json: z.string(),
});
export const refundRow = z.object({
  payment_id: z.string(),
  refund_id: z.string(),
  amount_minor: z.number().int().positive(),
  currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
  at: z.number().int(),
});
export const summaryObject = z.record(z.string(), z.unknown());

/** One payments row as a payment, or as the reason it cannot be read (kept apart, never thrown for a page). */
export function readRow(raw: unknown): { payment: Payment } | { unreadable: UnreadableRow } {
  const result = rowToPayment(raw);
  if (result.ok) return { payment: result.value };
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '(no id)';
  return { unreadable: { id, message: result.error } };
}

export function readRows(rows: readonly unknown[]): JournalPage {
  const payments: Payment[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const raw of rows) {
    const read = readRow(raw);
    if ('payment' in read) payments.push(read.payment);
    else unreadable.push(read.unreadable);
  }
  return { payments, unreadable };
}

export function readEvent(raw: unknown): JournalEvent {
  const row = eventRow.parse(raw);
  return { seq: row.seq, paymentId: row.payment_id, at: row.at, kind: row.kind, summary: summaryObject.parse(JSON.parse(row.summary_json)) };
}

export function readRefund(raw: unknown): RefundRecord {
  const row = refundRow.parse(raw);
  return { paymentId: row.payment_id, refundId: row.refund_id, amountMinor: row.amount_minor, currency: row.currency, at: row.at };
}
