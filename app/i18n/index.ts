export { DISPLAY_CATALOGS } from './catalogs';
export type { DisplayCatalog } from './display-catalog';
export { formatAmountIn, formatTimeIn, localeFor } from './format';
export { CASHIER_LANGUAGES, displayLanguages, LANGUAGE_LOCALES, LANGUAGE_NAMES, LANGUAGES } from './languages';
export type { CashierLanguage, DisplayLanguages, Language } from './languages';
