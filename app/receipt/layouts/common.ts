import { formatMoney, type Money } from '../../money/money';
import { text, type Block } from '../document';
import { latinDigits, printableDate, printableTime } from './printable-dates';

export interface Merchant {
  readonly name: string;
  readonly addressLines: readonly string[];
  /** A short word printed large above the name, in place of a logo; absent or null for none. */
  readonly logoText?: string | null;
}

/** How dates and amounts are written: a BCP 47 locale and the shop's IANA time zone. */
export interface ReceiptLocale {
  readonly locale: string;
  readonly timeZone: string;
}

export function merchantHeader(merchant: Merchant): Block[] {
  const logo = merchant.logoText ?? null;
  return [
    ...(logo === null ? [] : [text(logo, { align: 'center', bold: true, size: 'double' })]),
    text(merchant.name, { align: 'center', bold: true, size: 'double-height' }),
    ...merchant.addressLines.map((line) => text(line, { align: 'center' })),
  ];
}

const nbsp = /[\u00a0\u202f]/g;

/** The date as the printer can print it: Gregorian, Latin digits, on the code page (printable-dates.ts). */
export function dateText(epochMs: number, where: ReceiptLocale): string {
  return printableDate(epochMs, where.locale, where.timeZone);
}

export function timeText(epochMs: number, where: ReceiptLocale): string {
  return printableTime(epochMs, where.locale, where.timeZone);
}

export const dateTimeText = (epochMs: number, where: ReceiptLocale): string => `${dateText(epochMs, where)} ${timeText(epochMs, where)}`;

/** An amount in the shop's form, with Latin digits the printer's code page has. */
export const amountText = (amount: Money, where: ReceiptLocale): string => formatMoney(amount, latinDigits(where.locale)).replace(nbsp, ' ');
