import type { CommandArgs } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import { parseDecimal } from '../../../app/money/money';
import type { MethodId } from '../../../app/payment/method';
import type { PaymentStatus } from '../../../app/payment/payment';
import { err, ok, type Result } from '../../../app/util/result';

/** The History panel's filter as typed: dates as the date fields give them, amounts as text. */
export interface HistoryFilterForm {
  readonly from: string;
  readonly to: string;
  readonly status: PaymentStatus | '';
  readonly method: MethodId | '';
  readonly min: string;
  readonly max: string;
  readonly currency: CurrencyCode;
  /** A staff id, or '' for anyone. */
  readonly operator: string;
}

export type FilterArgs = CommandArgs<'exportPaymentsCsv'>;

export const emptyFilter = (currency: CurrencyCode): HistoryFilterForm => ({ from: '', to: '', status: '', method: '', min: '', max: '', currency, operator: '' });

/** Local midnight of a yyyy-mm-dd date, plus `days`: the shop's day, not UTC's. */
function localMidnight(date: string, days: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
}

function amountBound(text: string, currency: CurrencyCode, which: string): Result<{ minor: number; currency: CurrencyCode } | undefined, string> {
  if (text.trim() === '') return ok(undefined);
  if (/^\s*0*(\.0*)?\s*$/.test(text)) return ok({ minor: 0, currency });
  const parsed = parseDecimal(text, currency);
  return parsed.ok ? ok(parsed.value) : err(`${which}: ${parsed.error.message}`);
}

/** The command's filter, or the sentence saying what to fix. "To" is inclusive on screen, so the day after it is sent. */
export function filterArgs(form: HistoryFilterForm): Result<FilterArgs, string> {
  const from = form.from === '' ? undefined : localMidnight(form.from, 0);
  const to = form.to === '' ? undefined : localMidnight(form.to, 1);
  if (from === null || to === null) return err('Enter dates as the date fields offer them');
  if (from !== undefined && to !== undefined && to <= from) return err('The "to" date is before the "from" date');
  const min = amountBound(form.min, form.currency, 'Lowest amount');
  if (!min.ok) return min;
  const max = amountBound(form.max, form.currency, 'Highest amount');
  if (!max.ok) return max;
  if (min.value !== undefined && max.value !== undefined && max.value.minor < min.value.minor) return err('The highest amount is below the lowest');
  return ok({
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(form.status === '' ? {} : { status: [form.status] }),
    ...(form.method === '' ? {} : { method: [form.method] }),
    ...(min.value === undefined ? {} : { min: min.value }),
    ...(max.value === undefined ? {} : { max: max.value }),
    ...(form.operator === '' ? {} : { operator: form.operator }),
  });
}
