import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../../app/money/currency';
import { offeredCurrencies, shopCurrencies } from '../../app/payment/offered-currencies';
import { settingsSchema } from '../../app/settings/settings';

describe('the currencies a counter offers', () => {
  it('is the shop’s own currency unless payment.currencies names more', () => {
    expect(shopCurrencies(settingsSchema.parse({ currency: 'MYR' }))).toEqual(['MYR']);
    expect(shopCurrencies(settingsSchema.parse({ currency: 'SGD', payment: { currencies: ['SGD', 'USD'] } }))).toEqual(['SGD', 'USD']);
  });

  it('offers, for a method that takes any currency, only the shop’s, in the shop’s order', () => {
    expect(offeredCurrencies(CURRENCY_CODES, ['SGD'])).toEqual(['SGD']);
    expect(offeredCurrencies(CURRENCY_CODES, ['USD', 'SGD'])).toEqual(['USD', 'SGD']);
  });

  it('offers, for a method limited to some currencies, the shop’s among them', () => {
    expect(offeredCurrencies(['SGD', 'MYR'], ['SGD'])).toEqual(['SGD']);
    expect(offeredCurrencies(['SGD', 'MYR'], ['MYR', 'USD', 'SGD'])).toEqual(['MYR', 'SGD']);
  });

  it('keeps a method’s own list when it takes none of the shop’s, so it never vanishes without a word', () => {
    expect(offeredCurrencies(['SGD', 'MYR'], ['THB'])).toEqual(['SGD', 'MYR']);
  });

  it('refuses a currency list that is unknown, repeated or too long, naming the problem', () => {
    const problem = (currencies: unknown) => settingsSchema.safeParse({ payment: { currencies } }).error?.issues[0]?.message;
    expect(problem(['SGD', 'XYZ'])).toBe('must be a supported ISO 4217 currency code, e.g. SGD');
    expect(problem(['SGD', 'SGD'])).toBe('must not name the same currency twice');
    expect(problem(CURRENCY_CODES.slice(0, 9))).toBe('must name at most 8 currencies');
  });
});
