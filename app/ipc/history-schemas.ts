import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { MAX_MINOR } from '../money/money';
import { METHOD_IDS } from '../payment/method';
import type { PaymentStatus } from '../payment/payment';
import { staffId } from '../staff/staff';
import { HISTORY_SEARCH_MAX, PAYMENT_STATUSES } from './history';
import { describeInput } from './describe-input';

/** The argument schemas of the history and end-of-day commands; spread into `commandSchemas`. */

const describe = describeInput;

/** A time as epoch milliseconds; the screen turns its date fields into these at local midnight. */
const epochMs = z
  .number({ error: (issue) => `must be a time in epoch milliseconds, got ${describe(issue.input)}` })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(0, { error: 'must not be before 1970' })
  .max(8_640_000_000_000_000, { error: 'is past the last date a computer clock can hold' });

/** A filter bound may be zero, unlike a charge, so it has its own schema rather than moneySchema. */
const amountBound = z.strictObject({
  minor: z
    .number({ error: (issue) => `must be a whole number of minor units (e.g. 1234 for 12.34), got ${describe(issue.input)}` })
    .int({ error: (issue) => `must be a whole number of minor units, got ${String(issue.input)}` })
    .min(0, { error: 'must not be negative' })
    .max(MAX_MINOR, { error: `must be at most ${MAX_MINOR} minor units` }),
  currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], {
    error: (issue) => `must be a supported ISO 4217 currency code, got ${describe(issue.input)}`,
  }),
});

const statusList = z
  .array(z.enum(PAYMENT_STATUSES as [PaymentStatus, ...PaymentStatus[]], { error: (issue) => `must be a payment status (${PAYMENT_STATUSES.join(', ')}), got ${describe(issue.input)}` }), {
    error: (issue) => `must be a list of statuses, got ${describe(issue.input)}`,
  })
  .min(1, { error: 'must name at least one status, or be left out for any status' });

const methodList = z
  .array(z.enum(METHOD_IDS, { error: (issue) => `must be a payment method (${METHOD_IDS.join(', ')}), got ${describe(issue.input)}` }), {
    error: (issue) => `must be a list of methods, got ${describe(issue.input)}`,
  })
  .min(1, { error: 'must name at least one method, or be left out for any method' });

/** What the History search box sends: an order number, our reference or the provider's id, or the start of one. */
const searchText = z
  .string({ error: (issue) => `must be an order number or a reference (text), got ${describe(issue.input)}` })
  .trim()
  .min(1, { error: 'must not be empty: leave it out to search every payment' })
  .max(HISTORY_SEARCH_MAX, { error: (issue) => `must be at most ${HISTORY_SEARCH_MAX} characters (an order number or a reference), got ${String((issue.input as string).length)}` })
  // Nothing an order number holds: a pasted control character would only ever match nothing.
  .refine((text) => ![...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), { error: 'must not contain control characters' });

const filterFields = {
  from: epochMs.optional(),
  to: epochMs.optional(),
  status: statusList.optional(),
  method: methodList.optional(),
  min: amountBound.optional(),
  max: amountBound.optional(),
  /** Only the sales this person started (a staff id). */
  operator: staffId.optional(),
  /** Order number, our reference or the provider's id: exactly or by its start, any case. */
  search: searchText.optional(),
};

interface FilterShape {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly min?: { readonly minor: number; readonly currency: string } | undefined;
  readonly max?: { readonly minor: number; readonly currency: string } | undefined;
}

/** The checks across fields: each gets its own sentence at the field it is about. */
function filterProblems(value: FilterShape): readonly { readonly path: string; readonly message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (value.from !== undefined && value.to !== undefined && value.to <= value.from) {
    problems.push({ path: 'to', message: 'must be after from (to is exclusive: the day after the last one wanted)' });
  }
  if (value.min !== undefined && value.max !== undefined) {
    if (value.min.currency !== value.max.currency) {
      problems.push({ path: 'max', message: `must be in the same currency as min (${value.min.currency}), got ${value.max.currency}` });
    } else if (value.max.minor < value.min.minor) {
      problems.push({ path: 'max', message: 'must not be less than min' });
    }
  }
  return problems;
}

const withFilterChecks = <T extends z.ZodType<FilterShape>>(schema: T): T =>
  schema.check((ctx) => {
    for (const problem of filterProblems(ctx.value)) ctx.issues.push({ code: 'custom', message: problem.message, input: ctx.value, path: [problem.path] });
  });

/** Most payments one page of history shows; more is a bug in the screen, not a bigger page. */
export const HISTORY_PAGE_MAX = 200;

const reportNumber = z
  .number({ error: (issue) => `must be a report number, got ${describe(issue.input)}` })
  .int({ error: 'must be a whole report number' })
  .min(1, { error: 'must be 1 or more: reports are numbered from 1' });

export const historySchemas = {
  /** History: payments matching the filter, newest first, one page at a time. */
  listPayments: withFilterChecks(
    z.strictObject({
      ...filterFields,
      offset: z.number({ error: 'must be a whole number of at least 0' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be at least 0' }).default(0),
      limit: z
        .number({ error: `must be a whole number from 1 to ${HISTORY_PAGE_MAX}` })
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be at least 1' })
        .max(HISTORY_PAGE_MAX, { error: `must be at most ${HISTORY_PAGE_MAX}` })
        .default(20),
    }),
  ),
  /** One payment with its journal timeline, refunds and the provider's ids. */
  paymentDetail: z.strictObject({ paymentId: z.string({ error: 'must be a payment id (a string)' }).min(1, { error: 'must not be empty' }).max(64, { error: 'must be at most 64 characters' }) }),
  /** The payments matching the filter as a CSV file, every page of them. */
  exportPaymentsCsv: withFilterChecks(z.strictObject(filterFields)),
  /** The open day's figures: since the last report's end, or the start of the journal. */
  endOfDay: z.strictObject({}),
  /** Closes the day: keeps the next numbered report up to now and prints it. */
  closeDay: z.strictObject({}),
  listDayReports: z.strictObject({}),
  reprintDayReport: z.strictObject({ number: reportNumber }),
  exportDayReportCsv: z.strictObject({ number: reportNumber }),
} as const;
