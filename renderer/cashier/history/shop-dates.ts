/**
 * Dates as the shop writes them (settings' `locale`), for History's list, its detail and its date
 * filter alike: a browser's date field follows the browser's language instead, so the list said
 * 07/12 while the filter said 12/07/2026.
 */

const DATE_OPTIONS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

type DatePart = 'year' | 'month' | 'day';

function dateFormat(locale: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, DATE_OPTIONS);
  } catch {
    // Settings check the locale; an unknown one still gets a date rather than a blank screen.
    return new Intl.DateTimeFormat('en-SG', DATE_OPTIONS);
  }
}

/** The order the shop writes day, month and year in. */
function partOrder(locale: string): readonly DatePart[] {
  return dateFormat(locale)
    .formatToParts(new Date(2026, 11, 31))
    .flatMap((part) => (part.type === 'year' || part.type === 'month' || part.type === 'day' ? [part.type] : []));
}

/** A calendar date in the shop's format, e.g. 31/12/2026 in en-SG, 2026/12/31 in zh-SG. */
export function formatShopDate(epochMs: number, locale: string): string {
  return dateFormat(locale).format(epochMs);
}

/** Date and time of day in the shop's format, the same date as the filter takes. */
export function formatShopDateTime(epochMs: number, locale: string, withSeconds = false): string {
  let time: string;
  try {
    time = new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) });
  } catch {
    time = new Date(epochMs).toLocaleTimeString('en-SG', { hour: '2-digit', minute: '2-digit' });
  }
  return `${formatShopDate(epochMs, locale)} ${time}`;
}

/** What a date field shows as its hint: the shop's format spelled out (dd/mm/yyyy). */
export function shopDateHint(locale: string): string {
  const names: Readonly<Record<DatePart, string>> = { day: 'dd', month: 'mm', year: 'yyyy' };
  const sample = dateFormat(locale).formatToParts(new Date(2026, 11, 31));
  return sample.map((part) => (part.type === 'year' || part.type === 'month' || part.type === 'day' ? names[part.type] : part.value)).join('');
}

/**
 * A date typed in the shop's format, as { year, month (1–12), day }; null when it is not a real
 * date in that order. Any non-digit separates (31/12/2026, 31.12.2026, 31-12-2026 all read).
 */
export function parseShopDate(text: string, locale: string): { year: number; month: number; day: number } | null {
  const numbers = text.trim().split(/\D+/).filter((piece) => piece !== '');
  const order = partOrder(locale);
  if (numbers.length !== 3 || order.length !== 3) return null;
  const value: Record<DatePart, number> = { year: 0, month: 0, day: 0 };
  for (const [i, part] of order.entries()) {
    const piece = numbers[i] ?? '';
    // A year has four digits (no guessing the century); day and month one or two.
    if (part === 'year' ? !/^\d{4}$/.test(piece) : !/^\d{1,2}$/.test(piece)) return null;
    value[part] = Number(piece);
  }
  const check = new Date(value.year, value.month - 1, value.day);
  if (check.getFullYear() !== value.year || check.getMonth() !== value.month - 1 || check.getDate() !== value.day) return null;
  return value;
}
