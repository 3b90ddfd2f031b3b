import type { CurrencyCode } from '../money/currency';

/** The currencies the shop charges in: `payment.currencies` when set, else the shop's own currency. */
export function shopCurrencies(settings: { readonly currency: CurrencyCode; readonly payment: { readonly currencies: readonly CurrencyCode[] } }): readonly CurrencyCode[] {
  return settings.payment.currencies.length > 0 ? settings.payment.currencies : [settings.currency];
}

/**
 * What a method offers at this counter: the shop's currencies it accepts, in the shop's order. A
 * method that accepts none of them (a Thai shop's Atome) keeps its own list, so a configured method
 * never vanishes without a word; the settings screen names the shop's currencies to change that.
 */
export function offeredCurrencies(accepted: readonly CurrencyCode[], shop: readonly CurrencyCode[]): readonly CurrencyCode[] {
  const both = shop.filter((currency) => accepted.includes(currency));
  return both.length > 0 ? both : accepted;
}
