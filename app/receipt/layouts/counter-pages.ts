import type { CurrencyCode } from '../../money/currency';
import { cut, feed, qr, receiptDocument, row, rule, text, type Block, type ReceiptDocument } from '../document';
import { amountText, dateTimeText, merchantHeader, type Merchant, type ReceiptLocale } from './common';

export interface Tally {
  readonly count: number;
  /** Total in minor units of the row's currency. */
  readonly minor: number;
}

export interface MethodTotals {
  readonly method: string;
  readonly currency: CurrencyCode;
  readonly paid: Tally;
  readonly refunded: Tally;
  readonly failed: number;
  readonly expired: number;
  /** Cancelled sales, counted apart from expired ones; left off the page when not given. */
  readonly cancelled?: number;
}

export interface EndOfDayInput {
  readonly merchant: Merchant;
  readonly reportNumber: number;
  readonly from: number;
  readonly to: number;
  readonly generatedAt: number;
  readonly totals: readonly MethodTotals[];
  readonly locale: ReceiptLocale;
}

function methodSection(t: MethodTotals, where: ReceiptLocale): Block[] {
  const money = (minor: number) => amountText({ minor, currency: t.currency }, where);
  return [
    text(`${t.method} (${t.currency})`, { bold: true }),
    row(`Paid x${t.paid.count}`, money(t.paid.minor)),
    row(`Refunded x${t.refunded.count}`, money(-t.refunded.minor)),
    // Integer minor units: subtraction is exact.
    row('Net', money(t.paid.minor - t.refunded.minor), true),
    row('Failed', String(t.failed)),
    row('Expired', String(t.expired)),
    ...(t.cancelled === undefined ? [] : [row('Cancelled', String(t.cancelled))]),
    rule(),
  ];
}

export function endOfDayReport(input: EndOfDayInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule('='),
    text('END OF DAY REPORT', { align: 'center', bold: true }),
    row('Report no.', String(input.reportNumber)),
    row('From', dateTimeText(input.from, input.locale)),
    row('To', dateTimeText(input.to, input.locale)),
    rule('='),
    ...(input.totals.length === 0 ? [text('No payments in this period', { align: 'center' }), rule()] : input.totals.flatMap((t) => methodSection(t, input.locale))),
    row('Printed', dateTimeText(input.generatedAt, input.locale)),
    feed(2),
    cut(),
  ]);
}

export interface TestQrInput {
  readonly merchant: Merchant;
  readonly payload: string;
  /** e.g. "80mm, native QR", so the page says what was tested. */
  readonly setup: string;
  readonly at: number;
  readonly locale: ReceiptLocale;
}

/** The settings' "print test QR" page: scan it with a phone to prove the printer's QR works. */
export function testQrPage(input: TestQrInput): ReceiptDocument {
  return receiptDocument([
    ...merchantHeader(input.merchant),
    rule(),
    text('PRINTER TEST', { align: 'center', bold: true, size: 'double' }),
    text(input.setup, { align: 'center' }),
    feed(),
    qr(input.payload),
    feed(),
    text(`The code reads: ${input.payload}`, { align: 'center' }),
    row('Printed', dateTimeText(input.at, input.locale)),
    feed(2),
    cut(),
  ]);
}

export interface StaticRequestCardInput {
  readonly merchant: Merchant;
  /** The shop's static Orangepill request: no amount, the customer keys it in the wallet. */
  readonly payload: string;
  readonly alias?: string;
}

/** A card to stand on the counter, for when the terminal is off or busy. */
export function staticRequestCard(input: StaticRequestCardInput): ReceiptDocument {
  return receiptDocument([
    text(input.merchant.name, { align: 'center', bold: true, size: 'double' }),
    feed(),
    text('Scan to pay with Orangepill', { align: 'center', bold: true }),
    text('Enter the amount in your wallet', { align: 'center' }),
    feed(),
    qr(input.payload),
    feed(),
    ...(input.alias === undefined ? [] : [text(input.alias, { align: 'center' })]),
    ...input.merchant.addressLines.map((line) => text(line, { align: 'center' })),
    feed(2),
    cut(),
  ]);
}
