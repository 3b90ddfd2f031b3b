import type { Said } from '../../../app/i18n/said';
import type { Told } from './told';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { MethodId } from '../../../app/payment/method';
import { formatAmount } from '../../shared/format-amount';
import { findMethod } from '../../shared/payment-figures';
import { formatShopDateTime } from '../history/shop-dates';
import type { CashierWords } from '../words/cashier-words';
import type { SaidFormat, SaidWords } from '../words/said';
import type { CommonWords } from '../words/common';
import { en as enCommon } from '../words/en/common';
import { methodLabel } from './sale-choices';
import { saidToCashier } from './terminal-said';


/**
 * Amounts and times in the shop's locale, methods by the names the terminal gives them; a simulated
 * method's marker in the screen's language (`common`; English for a check that names none).
 */
export function saidFormat(terminal: TerminalInfo | null, common: Pick<CommonWords, 'simulatedMethod'> = enCommon): SaidFormat {
  const locale = terminal?.locale;
  return {
    money: (amount) => formatAmount(amount, locale),
    // The name the service's sentences use ("Atome", not the demo's "Atome (simulated)"), so English reads as it was said.
    method: (id) => findMethod(terminal, id as MethodId)?.provider ?? methodLabel(terminal, id as MethodId, common),
    label: (id) => methodLabel(terminal, id as MethodId, common),
    time: (at) => formatShopDateTime(at, locale ?? 'en-SG'),
    date: (at) => new Intl.DateTimeFormat(locale ?? 'en-SG', { day: 'numeric', month: 'long', year: 'numeric' }).format(at),
  };
}

/** What every `Said` is: an area with words, and a kind. */
type SaidShape = { readonly area: keyof SaidWords; readonly kind: string };

/** A `Said` in the cashier's words; null when this screen has no words for its kind (a newer service). */
export function wordSaid(said: Said | SaidShape, words: SaidWords, format: SaidFormat): string | null {
  // Each area's table has one wording per kind of that area (checked by SaidWordsFor); the lookup is by name.
  const table = words[said.area] as unknown as Readonly<Record<string, ((said: SaidShape, format: SaidFormat) => string) | undefined>>;
  const wording = table[said.kind];
  return wording === undefined ? null : wording(said, format);
}

/** What the terminal told, as the cashier reads it: worded when it came as a `Said`, else its sentence as it came. */
export function toldText(told: Told, words: CashierWords, format: SaidFormat): string {
  const worded = told.said === undefined ? null : wordSaid(told.said, words.said, format);
  return worded ?? saidToCashier(told.message, words.common);
}
