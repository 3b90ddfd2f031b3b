import { currency, isCurrencyCode } from '../../../app/money/currency';
import { MAX_MINOR, toDecimalString, type MoneyError } from '../../../app/money/money';
import { assertNever } from '../../../app/util/assert-never';
import type { AmountEntryWords } from '../words/amount-entry';

/**
 * Why `text`, typed as an amount in `code`, is not one, in the cashier's words: the one wording of the
 * money parser's refusals (app/money/money.ts), so no English parser sentence reaches a Malay or Chinese
 * screen. Each screen puts it in its own frame ("Lowest amount: …").
 */
export function amountProblemText(error: MoneyError, text: string, code: string, words: AmountEntryWords): string {
  switch (error.kind) {
    case 'negative':
      return words.negative;
    case 'zero':
      return words.zero;
    case 'bad_format':
    case 'not_integer':
      return words.notAnAmount(text);
    case 'too_many_decimals': {
      if (!isCurrencyCode(code)) return words.unknownCurrency(code);
      const places = currency(code).exponent;
      return places === 0 ? words.wholeOnly(code) : words.decimals(code, places, text, text.trim().split('.')[1]?.length ?? 0);
    }
    case 'too_large':
      return isCurrencyCode(code) ? words.tooLarge(toDecimalString({ minor: MAX_MINOR, currency: code }), code) : words.unknownCurrency(code);
    case 'unknown_currency':
      return words.unknownCurrency(code);
    default:
      return assertNever(error, 'amount problem');
  }
}
