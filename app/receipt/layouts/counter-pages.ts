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
  /** Sales parked with their outcome unknown, in none of the counts above; left off when there were none. */
  readonly parked?: Tally;
  /** Sales cancelled after money arrived: still to return, returned, and how many had no amount reported. */
  readonly moneyBack?: { readonly toReturn: Tally; readonly returned: Tally; readonly notReported: number };
}

/** One person's figures in one currency: the paid sales they started and the refunds they made. */
export interface OperatorLine {
  /** Their name, or the words for sales made while nobody was signed in. */
  readonly who: string;
  readonly currency: CurrencyCode;
  readonly paid: Tally;
  readonly refunded: Tally;
}

export interface EndOfDayInput {
  readonly merchant: Merchant;
  readonly reportNumber: number;
  readonly from: number;
  readonly to: number;
  readonly generatedAt: number;
  readonly totals: readonly MethodTotals[];
  /** Per person, after the methods; the section is left off when empty (a one-person shop, an old report). */
  readonly operators?: readonly OperatorLine[];
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
    ...(t.parked === undefined ? [] : [row(`Parked, outcome unknown x${t.parked.count}`, money(t.parked.minor))]),
    rule(),
  ];
}

/** Money that arrived on sales cancelled since: apart from sales and cancellations, per method. */
function moneyBackSection(totals: readonly MethodTotals[], where: ReceiptLocale): Block[] {
  const lines = totals.flatMap((t) => {
    if (t.moneyBack === undefined) return [];
    const money = (minor: number) => amountText({ minor, currency: t.currency }, where);
    const { toReturn, returned, notReported } = t.moneyBack;
    return [
      text(`${t.method} (${t.currency})`, { bold: true }),
      row(`To return x${toReturn.count}`, money(toReturn.minor), true),
      row(`Returned x${returned.count}`, money(returned.minor)),
      ...(notReported === 0 ? [] : [row(`Amount not reported x${notReported}`, '')]),
      rule(),
    ];
  });
  return lines.length === 0 ? [] : [text('CANCELLED, MONEY RECEIVED', { align: 'center', bold: true }), rule(), ...lines];
}

function operatorSection(lines: readonly OperatorLine[], where: ReceiptLocale): Block[] {
  if (lines.length === 0) return [];
  return [
    text('BY OPERATOR', { align: 'center', bold: true }),
    rule(),
    ...lines.flatMap((line) => {
      const money = (minor: number) => amountText({ minor, currency: line.currency }, where);
      return [
        text(`${line.who} (${line.currency})`, { bold: true }),
        row(`Sales x${line.paid.count}`, money(line.paid.minor)),
        row(`Refunds x${line.refunded.count}`, money(-line.refunded.minor)),
        row('Net', money(line.paid.minor - line.refunded.minor), true),
        rule(),
      ];
    }),
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
    ...moneyBackSection(input.totals, input.locale),
    ...operatorSection(input.operators ?? [], input.locale),
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
