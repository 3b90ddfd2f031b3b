import { encodeText } from '../escpos/code-page';

/*
 * A receipt printer prints one code page (WPC1252, see escpos/code-page.ts): Thai or Chinese month
 * names, Thai or Arabic digits and the Buddhist year all print as "?". So a receipt writes its dates
 * in the Gregorian calendar with Latin digits, and in the region's English form where the shop's own
 * words for months would still not print: a Thai shop's receipt reads "Jan 05, 2026", never
 * "05 ม.ค. 2569" printed as "05 ??.?. 2569".
 */

type DateOptions = Intl.DateTimeFormatOptions;

const DATE: DateOptions = { year: 'numeric', month: 'short', day: '2-digit' };
const TIME: DateOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
const nbsp = /[\u00a0\u202f]/g;

/** One date in each month, in the afternoon, so every month name and the 24-hour clock are tried. */
const SAMPLES = Array.from({ length: 12 }, (_, month) => Date.UTC(2026, month, 25, 15, 45, 30));

const chosen = new Map<string, string>();

function formatIn(locale: string, options: DateOptions, timeZone: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(epochMs).replace(nbsp, ' ');
}

function printsWhole(locale: string): boolean {
  return SAMPLES.every((at) => [DATE, TIME].every((options) => encodeText(formatIn(locale, options, 'UTC', at)).unprintable.length === 0));
}

/** `locale` in the Gregorian calendar with Latin digits, if the system knows it; null if it does not. */
function gregorianLatin(locale: string): Intl.Locale | null {
  try {
    return new Intl.Locale(locale, { calendar: 'gregory', numberingSystem: 'latn' });
  } catch {
    return null;
  }
}

/** The locale a receipt writes dates and times in, for the shop's `locale`: printable on the code page. */
export function receiptDateLocale(locale: string): string {
  const known = chosen.get(locale);
  if (known !== undefined) return known;
  const latin = gregorianLatin(locale);
  const region = latin?.maximize().region;
  const candidates = [latin?.toString(), region === undefined ? undefined : `en-${region}`, 'en'].filter((l): l is string => l !== undefined);
  const picked = candidates.find(printsWhole) ?? 'en';
  chosen.set(locale, picked);
  return picked;
}

/** `locale` with Latin digits, for amounts: a printer prints "250.00", never Thai or Arabic digits as "?". */
export function latinDigits(locale: string): string {
  try {
    return new Intl.Locale(locale, { numberingSystem: 'latn' }).toString();
  } catch {
    return locale;
  }
}

export function printableDate(epochMs: number, locale: string, timeZone: string): string {
  return formatIn(receiptDateLocale(locale), DATE, timeZone, epochMs);
}

export function printableTime(epochMs: number, locale: string, timeZone: string): string {
  return formatIn(receiptDateLocale(locale), TIME, timeZone, epochMs);
}
