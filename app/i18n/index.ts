export { DISPLAY_CATALOGS } from './catalogs';
export type { DisplayCatalog } from './display-catalog';
export { formatAmountIn, formatTimeIn, localeFor } from './format';
export { displayLanguages, LANGUAGES } from './languages';
export type { Language } from './languages';
