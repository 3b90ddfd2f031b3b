import { formatMoney, type Money } from '../../app/money/money';

const FALLBACK_LOCALE = 'en-SG';

/** formatMoney with the terminal's locale; a locale the browser does not know falls back rather than blanking the screen. */
export function formatAmount(amount: Money, locale: string | undefined): string {
  try {
    return formatMoney(amount, locale ?? FALLBACK_LOCALE);
  } catch {
    return formatMoney(amount, FALLBACK_LOCALE);
  }
}
