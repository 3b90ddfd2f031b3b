import { useEffect, useState } from 'react';
import { DISPLAY_CATALOGS, displayLanguages, formatAmountIn, type DisplayCatalog, type Language } from '../../app/i18n';
import type { Money } from '../../app/money/money';
import type { Payment } from '../../app/payment/payment';
import { useDisplayStore } from './display-store';
import { holdKey, PAID_HOLD_MS } from './display-layout';

export interface SpokenLanguage {
  readonly language: Language;
  readonly words: DisplayCatalog;
}

export interface DisplayWords {
  readonly primary: SpokenLanguage;
  readonly secondary: SpokenLanguage | null;
}

const spoken = (language: Language): SpokenLanguage => ({ language, words: DISPLAY_CATALOGS[language] });

/** The display's languages from the terminal's settings; English until the terminal has said. */
export function useWords(): DisplayWords {
  const list = useDisplayStore((s) => s.terminal?.language.display);
  const { primary, secondary } = displayLanguages(list ?? ['en']);
  return { primary: spoken(primary), secondary: secondary === null ? null : spoken(secondary) };
}

/**
 * The payment the display shows: the store's, until a paid (or refunded) one has been up for
 * PAID_HOLD_MS, after which the display is idle again. Only the display forgets it: the cashier still
 * sees the result until starting the next sale.
 */
export function useShownPayment(payment: Payment | null): Payment | null {
  const key = holdKey(payment);
  const [doneWith, setDoneWith] = useState<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    const timer = setTimeout(() => setDoneWith(key), PAID_HOLD_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return key !== null && key === doneWith ? null : payment;
}

/** Amounts as the primary language writes them (the shop's locale when it is of that language). */
export function useFormatAmount(): (amount: Money) => string {
  const locale = useDisplayStore((s) => s.terminal?.locale);
  const { primary } = useWords();
  return (amount) => formatAmountIn(primary.language, amount, locale);
}
