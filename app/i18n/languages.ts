/** The languages the customer display can speak, by BCP 47 tag (also used for the page's `lang`). */
export const LANGUAGES = ['en', 'ms', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages the cashier screen speaks (renderer/cashier/words): the same three as the display. */
export const CASHIER_LANGUAGES = LANGUAGES;
export type CashierLanguage = Language;

/** The locale each language formats numbers and times in, for a counter in Singapore or Malaysia. */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-SG',
  ms: 'ms-MY',
  'zh-Hans': 'zh-SG',
};

/** Each language's name in itself, for a settings screen's picker. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ms: 'Bahasa Melayu',
  'zh-Hans': '简体中文',
};

/** The primary language is shown large; the optional secondary one smaller beneath it. */
export interface DisplayLanguages {
  readonly primary: Language;
  readonly secondary: Language | null;
}

/** The settings' list (one or two languages, checked there) as primary and secondary. */
export function displayLanguages(list: readonly Language[]): DisplayLanguages {
  const [primary = 'en', secondary = null] = list;
  return { primary, secondary: secondary === primary ? null : secondary };
}
