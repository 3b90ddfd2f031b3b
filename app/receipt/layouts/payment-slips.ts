import type { Money } from '../../money/money';
import { cut, feed, qr, receiptDocument, row, rule, text, type Block, type ReceiptDocument } from '../document';
import { amountText, dateText, dateTimeText, merchantHeader, timeText, type Merchant, type ReceiptLocale } from './common';

export interface QrSlipInput {
  readonly merchant: Merchant;
  readonly amount: Money;
  /** The method's label for people, e.g. "Atome". */
  readonly method: string;
  /** The order number the cashier typed, when the sale has one: how the shop finds the sale again. */
  readonly orderRef?: string;
  readonly reference: string;
  readonly validUntil: number;
  /** Exactly what the QR encodes: the payment's payload. */
  readonly payload: string;
  /** One line for the customer, e.g. "Scan with the Atome app". */
  readonly instruction?: string;
  readonly locale: ReceiptLocale;
}

/** The order number's row, or nothing for a sale without one. */
const orderRow = (orderRef: string | undefined): Block[] => (orderRef === undefined || orderRef.trim() === '' ? [] : [row('Order no.', orderRef)]);

/** The slip the customer scans when there is no customer display. */
export function qrSlip(input: QrSlipInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    text(amountText(input.amount, input.locale), { align: 'center', bold: true, size: 'double' }),
    text(input.instruction ?? `Scan to pay with ${input.method}`, { align: 'center' }),
    feed(),
    qr(input.payload),
    feed(),
    ...orderRow(input.orderRef),
    row('Method', input.method),
    row('Reference', input.reference),
    row('Valid until', timeText(input.validUntil, input.locale)),
    text(dateText(input.validUntil, input.locale), { align: 'right' }),
    feed(2),
    cut(),
  ]);
}

export interface PaidReceiptInput {
  readonly merchant: Merchant;
  readonly amount: Money;
  readonly method: string;
  /** The order number the cashier typed, when the sale has one: how the shop finds the sale again. */
  readonly orderRef?: string;
  readonly paidAt: number;
  readonly providerChargeId: string;
  readonly reference: string;
  /** Status as the cashier sees it, e.g. "Paid". */
  readonly status: string;
  /** What has been refunded of a sale still paid (a partial refund); absent when nothing has. */
  readonly refunded?: Money;
  readonly footer?: string;
  readonly locale: ReceiptLocale;
}

/** A partly refunded sale: what went back, and what the customer paid in the end (integer minor units, exact). */
function partRefundRows(amount: Money, refunded: Money, where: ReceiptLocale): Block[] {
  return [
    row('Refunded', amountText({ minor: -refunded.minor, currency: refunded.currency }, where)),
    row('Paid after refund', amountText({ minor: amount.minor - refunded.minor, currency: amount.currency }, where), true),
  ];
}

export function paidReceipt(input: PaidReceiptInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    row('Date', dateText(input.paidAt, input.locale)),
    row('Time', timeText(input.paidAt, input.locale)),
    rule(),
    text(amountText(input.amount, input.locale), { align: 'center', bold: true, size: 'double' }),
    rule(),
    ...orderRow(input.orderRef),
    row('Method', input.method),
    row('Charge id', input.providerChargeId),
    row('Reference', input.reference),
    row('Status', input.status.toUpperCase(), true),
    ...(input.refunded === undefined ? [] : partRefundRows(input.amount, input.refunded, input.locale)),
    feed(),
    text(input.footer ?? 'Thank you', { align: 'center' }),
    feed(2),
    cut(),
  ]);
}

export type SlipOutcome = 'failed' | 'cancelled' | 'expired';

export interface OutcomeSlipInput {
  readonly merchant: Merchant;
  readonly amount: Money;
  readonly method: string;
  /** The order number the cashier typed, when the sale has one: how the shop finds the sale again. */
  readonly orderRef?: string;
  readonly reference: string;
  readonly at: number;
  readonly outcome: SlipOutcome;
  /** The provider's failure in a sentence, when there is one. */
  readonly reason?: string;
  readonly locale: ReceiptLocale;
}

const OUTCOME_TITLE: { readonly [K in SlipOutcome]: string } = {
  failed: 'PAYMENT FAILED',
  cancelled: 'PAYMENT CANCELLED',
  expired: 'PAYMENT EXPIRED',
};

/** Printed when settings ask for it: proof for the customer that nothing was charged. */
export function outcomeSlip(input: OutcomeSlipInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    text(OUTCOME_TITLE[input.outcome], { align: 'center', bold: true, size: 'double-height' }),
    ...(input.reason === undefined ? [] : [text(input.reason, { align: 'center' })]),
    rule(),
    row('Amount', amountText(input.amount, input.locale)),
    ...orderRow(input.orderRef),
    row('Method', input.method),
    row('Reference', input.reference),
    row('Date', dateTimeText(input.at, input.locale)),
    feed(),
    text('No payment was taken', { align: 'center' }),
    feed(2),
    cut(),
  ]);
}

export interface MoneyBackSlipInput {
  readonly merchant: Merchant;
  readonly amount: Money;
  /** What arrived before the sale was cancelled; null when the provider did not report it. */
  readonly received: Money | null;
  readonly method: string;
  /** The order number the cashier typed, when the sale has one: how the shop finds the sale again. */
  readonly orderRef?: string;
  readonly reference: string;
  readonly providerRef: string;
  readonly at: number;
  /** When the money was marked given back; absent while it is still to be returned. */
  readonly returnedAt?: number;
  readonly locale: ReceiptLocale;
}

/** A sale cancelled after money arrived: never "no payment was taken", but what is owed back and whether it went. */
export function moneyBackSlip(input: MoneyBackSlipInput): ReceiptDocument {
  const received = input.received === null ? 'not reported' : amountText(input.received, input.locale);
  const owed = input.received === null ? 'The money you paid' : amountText(input.received, input.locale);
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    text('SALE CANCELLED', { align: 'center', bold: true, size: 'double-height' }),
    rule(),
    row('Amount', amountText(input.amount, input.locale)),
    row('Received', received, true),
    ...orderRow(input.orderRef),
    row('Method', input.method),
    row('Request id', input.providerRef),
    row('Reference', input.reference),
    row('Date', dateTimeText(input.at, input.locale)),
    ...(input.returnedAt === undefined ? [] : [row('Returned', dateTimeText(input.returnedAt, input.locale))]),
    feed(),
    text(input.returnedAt === undefined ? `${owed} will be returned to you` : `${owed} has been returned to you`, { align: 'center' }),
    feed(2),
    cut(),
  ]);
}

export interface RefundSlipInput {
  readonly merchant: Merchant;
  readonly refund: Money;
  readonly original: Money;
  readonly method: string;
  /** The order number the cashier typed, when the sale has one: how the shop finds the sale again. */
  readonly orderRef?: string;
  readonly reference: string;
  readonly providerChargeId: string;
  readonly refundId?: string;
  readonly at: number;
  readonly locale: ReceiptLocale;
}

export function refundSlip(input: RefundSlipInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    text('REFUND', { align: 'center', bold: true, size: 'double' }),
    text(amountText(input.refund, input.locale), { align: 'center', bold: true, size: 'double-height' }),
    rule(),
    row('Original amount', amountText(input.original, input.locale)),
    ...orderRow(input.orderRef),
    row('Method', input.method),
    row('Charge id', input.providerChargeId),
    ...(input.refundId === undefined ? [] : [row('Refund id', input.refundId)]),
    row('Reference', input.reference),
    row('Date', dateTimeText(input.at, input.locale)),
    feed(2),
    cut(),
  ]);
}
