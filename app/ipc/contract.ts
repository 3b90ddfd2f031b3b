import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { MAX_MINOR } from '../money/money';
import { DEMO_OUTCOMES, METHOD_IDS, type MethodInfo } from '../payment/method';
import type { Payment } from '../payment/payment';

/**
 * The one contract between the main process (or the headless host) and the screens.
 * Commands are request → result; events flow from main to the screens. Every argument
 * arrives as `unknown` and is parsed with these schemas before anything acts on it.
 */

const describe = (v: unknown): string => (typeof v === 'string' ? `string "${v}"` : v === null ? 'null' : typeof v);

const minorUnits = z
  .number({ error: (issue) => `must be a whole number of minor units (e.g. 1234 for 12.34), got ${describe(issue.input)}` })
  .int({ error: (issue) => `must be a whole number of minor units, got ${String(issue.input)}` })
  .positive({ error: 'must be more than zero' })
  .max(MAX_MINOR, { error: `must be at most ${MAX_MINOR} minor units` });

const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], {
  error: (issue) => `must be a supported ISO 4217 currency code, got ${describe(issue.input)}`,
});

export const moneySchema = z.strictObject({ minor: minorUnits, currency: currencyCode });

const paymentId = z.string({ error: 'must be a payment id (a string)' }).min(1).max(64);

export const commandSchemas = {
  getSnapshot: z.strictObject({}),
  charge: z.strictObject({
    amount: moneySchema,
    method: z.enum(METHOD_IDS, { error: (issue) => `must be a configured payment method, got ${describe(issue.input)}` }),
    orderRef: z
      .string()
      .trim()
      .max(40, { error: 'must be at most 40 characters' })
      .regex(/^[\x20-\x7e]*$/, { error: 'may hold only printable ASCII characters' })
      .optional(),
    /** Orangepill direct request: the customer's alias, e.g. @alice. */
    payerAlias: z
      .string()
      .trim()
      .regex(/^@[A-Za-z0-9_.-]{1,64}$/, { error: 'must be an alias like @alice' })
      .optional(),
  }),
  refund: z.strictObject({ paymentId, amount: moneySchema }),
  cancel: z.strictObject({ paymentId }),
  dismiss: z.strictObject({ paymentId }),
  demoSimulate: z.strictObject({
    paymentId,
    outcome: z.enum(DEMO_OUTCOMES, {
      error: (issue) => `must be one of ${DEMO_OUTCOMES.join(', ')}, got ${describe(issue.input)}`,
    }),
    failureCode: z.string().regex(/^[a-z_]{1,40}$/, { error: 'must be a provider failure code like payment_rejected' }).optional(),
  }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandArgs<K extends CommandName> = z.infer<(typeof commandSchemas)[K]>;
export const COMMAND_NAMES = Object.keys(commandSchemas) as readonly CommandName[];

/** Commands a customer-facing screen may send; it may look, never act. */
export const READ_ONLY_COMMANDS: ReadonlySet<CommandName> = new Set(['getSnapshot']);

export interface TerminalInfo {
  readonly merchantName: string;
  /** True when no real provider is configured and every payment is simulated. */
  readonly demo: boolean;
  readonly locale: string;
  readonly defaultCurrency: CurrencyCode;
  readonly methods: readonly MethodInfo[];
}

export interface Snapshot {
  readonly terminal: TerminalInfo;
  readonly payment: Payment | null;
  /** The host's clock, so a screen on another device can count down against it. */
  readonly serverTime: number;
}

export interface CommandResults {
  readonly getSnapshot: Snapshot;
  readonly charge: Payment;
  readonly cancel: Payment;
  readonly refund: Payment;
  readonly dismiss: null;
  readonly demoSimulate: null;
}

export interface EventPayloads {
  readonly payment: { readonly payment: Payment | null; readonly serverTime: number };
  readonly terminal: TerminalInfo;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = ['payment', 'terminal'];

export type ApiErrorCode =
  | 'malformed_message'
  | 'unknown_command'
  | 'invalid_args'
  | 'forbidden'
  | 'not_found'
  | 'invalid_state'
  | 'amount_rejected'
  | 'provider_error'
  | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Turns a zod failure into one specific sentence naming the command and the field. */
export function describeInvalidArgs(command: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.join(', ')}`;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
    return `${where} ${issue.message}`;
  });
  return `${command}: ${parts.join('; ')}`;
}
