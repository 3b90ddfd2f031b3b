import type { AmountEntryWords } from '../amount-entry';

export const en: AmountEntryWords = {
  negative: 'Amount cannot be negative',
  zero: 'Amount must be more than zero',
  notAnAmount: (typed) => `"${typed}" is not an amount: use digits with an optional decimal point, e.g. 12.34`,
  wholeOnly: (currency) => `${currency} has no minor unit: enter a whole amount`,
  decimals: (currency, places, typed, typedPlaces) => `${currency} has ${places} decimal places, "${typed}" has ${typedPlaces}`,
  tooLarge: (max, currency) => `Amount is larger than the terminal's maximum of ${max} ${currency}`,
  unknownCurrency: (currency) => `Unknown currency ${currency}: the terminal does not support it`,
};
