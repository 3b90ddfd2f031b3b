import type { CommandArgs } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import { parseDecimal, type Money } from '../../../app/money/money';
import type { MethodId } from '../../../app/payment/method';
import type { PaymentStatus } from '../../../app/payment/payment';
import { err, ok, type Result } from '../../../app/util/result';
import { HISTORY_SEARCH_MAX } from '../../../app/ipc/history';
import { amountProblemText } from '../shared/amount-problem';
import type { HistoryProblemWords } from '../words/history';
import { parseShopDate, shopDateHint } from './shop-dates';

/** The History panel's filter as typed: dates in the shop's format (its locale), amounts as text. */
export interface HistoryFilterForm {
  /** Order number, our reference or the provider's id, or the start of one; '' for any. */
  readonly search: string;
  readonly from: string;
  readonly to: string;
  readonly status: PaymentStatus | '';
  readonly method: MethodId | '';
  readonly min: string;
  readonly max: string;
  readonly currency: CurrencyCode;
  /** A staff id, or '' for anyone. */
  readonly operator: string;
  /** The shop's locale (settings), which the dates are typed in. */
  readonly locale: string;
}

export type FilterArgs = CommandArgs<'exportPaymentsCsv'>;

export const emptyFilter = (currency: CurrencyCode, locale: string): HistoryFilterForm => ({
  search: '',
  from: '',
  to: '',
  status: '',
  method: '',
  min: '',
  max: '',
  currency,
  operator: '',
  locale,
});

/** Local midnight of a date typed in the shop's format, plus `days`: the shop's day, not UTC's. */
function localMidnight(date: string, locale: string, days: number): number | null {
  const parsed = parseShopDate(date, locale);
  if (parsed === null) return null;
  return new Date(parsed.year, parsed.month - 1, parsed.day + days).getTime();
}

function amountBound(text: string, code: CurrencyCode, which: string, words: HistoryProblemWords): Result<Money | undefined, string> {
  if (text.trim() === '') return ok(undefined);
  if (/^\s*0*(\.0*)?\s*$/.test(text)) return ok({ minor: 0, currency: code });
  const parsed = parseDecimal(text, code);
  return parsed.ok ? ok(parsed.value) : err(words.ofField(which, amountProblemText(parsed.error, text, code, words.amount)));
}

/** The command's filter, or the sentence saying what to fix. "To" is inclusive on screen, so the day after it is sent. */
export function filterArgs(form: HistoryFilterForm, words: HistoryProblemWords): Result<FilterArgs, string> {
  const search = form.search.trim();
  if (search.length > HISTORY_SEARCH_MAX) return err(words.searchTooLong(HISTORY_SEARCH_MAX, search.length));
  const from = form.from.trim() === '' ? undefined : localMidnight(form.from, form.locale, 0);
  const to = form.to.trim() === '' ? undefined : localMidnight(form.to, form.locale, 1);
  if (from === null || to === null) {
    const hint = shopDateHint(form.locale);
    return err(words.dates(hint, hint.replace('dd', '31').replace('mm', '12').replace('yyyy', '2026')));
  }
  if (from !== undefined && to !== undefined && to <= from) return err(words.toBeforeFrom);
  const min = amountBound(form.min, form.currency, words.lowest, words);
  if (!min.ok) return min;
  const max = amountBound(form.max, form.currency, words.highest, words);
  if (!max.ok) return max;
  if (min.value !== undefined && max.value !== undefined && max.value.minor < min.value.minor) return err(words.highestBelowLowest);
  return ok({
    ...(search === '' ? {} : { search }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(form.status === '' ? {} : { status: [form.status] }),
    ...(form.method === '' ? {} : { method: [form.method] }),
    ...(min.value === undefined ? {} : { min: min.value }),
    ...(max.value === undefined ? {} : { max: max.value }),
    ...(form.operator === '' ? {} : { operator: form.operator }),
  });
}
