import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { MAX_MINOR, type Money } from '../money/money';
import { DEMO_OUTCOMES, METHOD_IDS, type MethodInfo } from '../payment/method';
import type { Payment } from '../payment/payment';
import { poleDisplaySettings, printerSettings } from '../settings/device-settings';
import type { Settings } from '../settings/settings';
import { SLIP_KINDS, TEST_PRINTS, type DeviceStatus, type PrintReport } from './devices';
import type { HistoryResults } from './history';
import { historySchemas } from './history-schemas';
import { pairingSchemas, type PairingResults } from './pairing-schemas';
import { posKeySchemas, type PosKeyResults } from '../pos-api/pos-client-schemas';
import { posOfferSchemas, type PosOffer, type PosOfferResults } from '../pos-api/pos-offer';
import { posApiStatusSchemas, type PosApiStatusResults } from '../pos-api/pos-api-status';
import { parkedSchemas, type ParkedResults } from './parked-schemas';
import type { ParkedSales } from '../engine/parking-desk';
import { settingsSchemas, type SettingsResults } from './settings-schemas';
import { staffSchemas, type StaffResults } from './staff-schemas';
import { describeInput } from './describe-input';
import { MAX_LOOKUP_IMAGE_BASE64 } from './constants';
import type { Said } from '../i18n/said';

/**
 * The one contract between the main process (or the headless host) and the screens.
 * Commands are request → result; events flow from main to the screens. Every argument
 * arrives as `unknown` and is parsed with these schemas before anything acts on it.
 */

const describe = describeInput;

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

/** One sentence for what is wrong with an image's base64 text, or null; checked without decoding it. */
function imageBase64Problem(text: string): string | null {
  if (text.startsWith('data:')) return 'must be bare base64, without the data: URL prefix';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return 'is not valid base64 text';
  // The first bytes of a PNG (89 50 4E 47 0D 0A 1A 0A) and of a JPEG (FF D8 FF), as base64.
  if (!text.startsWith('iVBORw0KGgo') && !text.startsWith('/9j/')) return 'must be a PNG or JPEG image';
  return null;
}

const imageBase64 = z
  .string({ error: (issue) => `must be a PNG or JPEG image as base64 text, got ${describe(issue.input)}` })
  .min(1, { error: 'must not be empty: paste or choose an image' })
  .max(MAX_LOOKUP_IMAGE_BASE64, {
    error: (issue) => `is too large: at most ${MAX_LOOKUP_IMAGE_BASE64} characters of base64, got ${String((issue.input as string).length)}`,
  })
  .check((ctx) => {
    const problem = ctx.value.length === 0 || ctx.value.length > MAX_LOOKUP_IMAGE_BASE64 ? null : imageBase64Problem(ctx.value);
    if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

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
  /**
   * A sale that has received money is cancelled only with `moneyReceived: 'to_return'`, the cashier's
   * answer to the question naming the amount; without it main refuses with that question.
   */
  cancel: z.strictObject({ paymentId, moneyReceived: z.literal('to_return', { error: "must be 'to_return' when given" }).optional() }),
  /** The money of a sale cancelled after it arrived has been given back (in the provider's console). */
  markReturned: z.strictObject({ paymentId }),
  /** Keeps a payment that arrived after its request expired: it counts as paid. */
  keepLate: z.strictObject({ paymentId }),
  dismiss: z.strictObject({ paymentId }),
  demoSimulate: z.strictObject({
    paymentId,
    outcome: z.enum(DEMO_OUTCOMES, {
      error: (issue) => `must be one of ${DEMO_OUTCOMES.join(', ')}, got ${describe(issue.input)}`,
    }),
    failureCode: z.string().regex(/^[a-z_]{1,40}$/, { error: 'must be a provider failure code like payment_rejected' }).optional(),
  }),
  /** Orangepill: reads a customer's payment-request QR from an image, and what that request stands at. */
  lookupRequest: z.strictObject({ imageBase64 }),
  /** Prints (or reprints) a payment's QR slip or its receipt: paid, failed, cancelled or refunded. */
  printSlip: z.strictObject({
    paymentId,
    slip: z.enum(SLIP_KINDS, { error: (issue) => `must be one of ${SLIP_KINDS.join(', ')}, got ${describe(issue.input)}` }),
  }),
  /** A page to check the printer with, or the shop's Orangepill counter card. */
  printTest: z.strictObject({
    page: z.enum(TEST_PRINTS, { error: (issue) => `must be one of ${TEST_PRINTS.join(', ')}, got ${describe(issue.input)}` }),
  }),
  /** The printer's and the pole display's settings, as the terminal runs with them now. */
  getDeviceSettings: z.strictObject({}),
  /**
   * New settings for the printer and the pole display (either or both), checked as the settings file
   * is: they are saved, and the device restarts with them at once; a sale in progress goes on.
   */
  // unwrap(): the settings file's "a missing section means all defaults" must not fill in a section left out
  // here, or saving the printer would reset the pole display.
  saveDeviceSettings: z.strictObject({ printer: printerSettings.unwrap().optional(), poleDisplay: poleDisplaySettings.unwrap().optional() }),
  /** Shows the test pattern on the configured pole display, then the current screen again. */
  testPoleDisplay: z.strictObject({}),
  /** The serial ports this machine has, for choosing the pole display's or printer's port. */
  listSerialPorts: z.strictObject({}),
  /** History and end of day (app/ipc/history-schemas.ts). */
  ...historySchemas,
  /** The settings screen (app/ipc/settings-schemas.ts). */
  ...settingsSchemas,
  /** Signing in, and the staff list (app/ipc/staff-schemas.ts). */
  ...staffSchemas,
  /** Parked sales and the Needs attention list (app/ipc/parked-schemas.ts). */
  ...parkedSchemas,
  /** Paired customer displays (app/ipc/pairing-schemas.ts). */
  ...pairingSchemas,
  /** The POS API's keys, per till (app/pos-api/pos-client-schemas.ts). */
  ...posKeySchemas,
  /** A till's request the cashier chooses the method for (app/pos-api/pos-offer.ts). */
  ...posOfferSchemas,
  /** The POS API's listener and LAN certificate as the settings screen shows them (app/pos-api/pos-api-status.ts). */
  ...posApiStatusSchemas,
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
  /** The customer display's languages (one or two) and the cashier screen's. */
  readonly language: Settings['language'];
  /** Whether the cashier screen plays its paid and failed tones. */
  readonly sounds: Settings['sounds'];
  /** How the cashier's digits read before any "." (settings `payment.entry`). */
  readonly entryMode: Settings['payment']['entry'];
}

export interface Snapshot {
  readonly terminal: TerminalInfo;
  readonly payment: Payment | null;
  /** Null for a customer display, which is never told about the shop's devices (app/ipc/display-view.ts). */
  readonly devices: DeviceStatus | null;
  readonly lastPrint: PrintReport | null;
  /** The host's clock, so a screen on another device can count down against it. */
  readonly serverTime: number;
}

/** A payment request found from its QR: Orangepill's own record, for the cashier to read. */
export interface RequestLookup {
  /** What the QR holds: the request's id. */
  readonly code: string;
  /** Orangepill's status, as it says it (DONE, INCOMPLETE, …). */
  readonly status: string;
  /** The status in plain words for the cashier ("Paid", "Partly paid", …). */
  readonly statusLabel: string;
  /** `statusLabel` as what it says, for the cashier's language; the English stays. */
  readonly statusSaid?: Said;
  /** Null when the request names no amount, or an asset the terminal does not know. */
  readonly amount: Money | null;
  /** The order it was made for (`data.order`), if any. */
  readonly order: string | null;
  /** When Orangepill created it, as Orangepill reports it (epoch ms); null if it does not say. */
  readonly createdAt: number | null;
}

export interface CommandResults extends HistoryResults, SettingsResults, StaffResults, ParkedResults, PairingResults, PosKeyResults, PosOfferResults, PosApiStatusResults {
  readonly getSnapshot: Snapshot;
  readonly charge: Payment;
  readonly cancel: Payment;
  readonly refund: Payment;
  readonly dismiss: null;
  readonly markReturned: Payment;
  readonly keepLate: Payment;
  readonly demoSimulate: null;
  readonly lookupRequest: RequestLookup;
  readonly printSlip: PrintReport;
  readonly printTest: PrintReport;
  readonly getDeviceSettings: DeviceSettingsView;
  readonly saveDeviceSettings: DeviceSettingsView;
  readonly testPoleDisplay: null;
  readonly listSerialPorts: readonly SerialPortChoice[];
}

/** The device settings in force, and where they are kept; they hold no secret. */
export interface DeviceSettingsView {
  readonly printer: Settings['printer'];
  readonly poleDisplay: Settings['poleDisplay'];
  /** The file the screen's changes are saved in, or null when this terminal keeps them for this run only. */
  readonly savedIn: string | null;
}

/** A serial port the machine has, as the port picker lists it. */
export interface SerialPortChoice {
  readonly path: string;
  /** Who made the adapter, when the system says. */
  readonly manufacturer: string | null;
}

export interface EventPayloads {
  readonly payment: { readonly payment: Payment | null; readonly serverTime: number };
  readonly terminal: TerminalInfo;
  readonly devices: DeviceStatus;
  readonly print: PrintReport;
  /** The cashier's Needs attention list, after each change to a parked sale. */
  readonly parked: ParkedSales;
  /** A till's request waiting for the cashier to choose its method, or null once there is none. */
  readonly posOffer: { readonly offer: PosOffer | null };
}
export type EventName = keyof EventPayloads;

export type ApiErrorCode =
  | 'malformed_message'
  | 'unknown_command'
  | 'invalid_args'
  | 'forbidden'
  | 'not_found'
  | 'invalid_state'
  | 'amount_rejected'
  | 'provider_error'
  /** The connection sent more than the host answers at once; it may try again shortly. */
  | 'rate_limited'
  /** Staff are listed and nobody is signed in on this screen. */
  | 'sign_in_required'
  /** A manager must approve: sign in as one, or send their PIN as `approval` with the command. */
  | 'approval_required'
  | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  /** The sentence in English, for the log, the POS API and any screen that cannot word `said`. */
  readonly message: string;
  /** The same sentence as what it says and its values, for a screen to word in its cashier's language. */
  readonly said?: Said;
  /** For invalid arguments: each field's problem by its path ("merchant.name" → "must not be empty"), to show at the field. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The same problems as `Said`s, by the same paths, where the service has them: the field shows it in the cashier's language. */
  readonly fieldsSaid?: Readonly<Record<string, Said>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Each field's first problem by its dotted path, for a form to show beside the field. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const where = path.map(String).join('.');
      fields[where] ??= issue.code === 'unrecognized_keys' ? 'is not a setting' : issue.message;
    }
  }
  return fields;
}

/** Turns a zod failure into one specific sentence naming the command and the field. */
export function describeInvalidArgs(command: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.join(', ')}`;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
    return `${where} ${issue.message}`;
  });
  return `${command}: ${parts.join('; ')}`;
}
