import { formatMoney, type Money } from '../../money/money';
import { text, type Block } from '../document';

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

export function dateText(epochMs: number, where: ReceiptLocale): string {
  return new Intl.DateTimeFormat(where.locale, { timeZone: where.timeZone, year: 'numeric', month: 'short', day: '2-digit' })
    .format(epochMs)
    .replace(nbsp, ' ');
}

export function timeText(epochMs: number, where: ReceiptLocale): string {
  return new Intl.DateTimeFormat(where.locale, { timeZone: where.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    .format(epochMs)
    .replace(nbsp, ' ');
}

export const dateTimeText = (epochMs: number, where: ReceiptLocale): string => `${dateText(epochMs, where)} ${timeText(epochMs, where)}`;

export const amountText = (amount: Money, where: ReceiptLocale): string => formatMoney(amount, where.locale).replace(nbsp, ' ');
