import { err, ok, type Result } from '../../../app/util/result';
import { enabledCurrencies, type OpnAccount } from './opn-capability';
import { problem, type OpnProblem } from './opn-ledger';
import { isOpnSimSourceType, OPN_SIM_METHODS, type OpnSimMethod, type OpnSimSourceType } from './opn-sim-methods';

export interface CreateChargeInput {
  readonly type: OpnSimSourceType;
  readonly amount: number;
  readonly currency: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly expiresAt: number;
  /** `return_uri` as sent, for a redirect charge; offline charges need none. */
  readonly returnUri: string | null;
}

const invalid = (message: string): Result<never, OpnProblem> => err(problem(400, 'invalid_charge', message));

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The source type, if it is one this account takes, and a currency in which it takes it. */
function readSource(form: URLSearchParams, currency: string, account: OpnAccount): Result<OpnSimSourceType, OpnProblem> {
  if (form.get('source') !== null) return invalid('source not found: this simulator creates the source with the charge');
  const type = form.get('source[type]');
  if (type === null) return invalid('card or source is required');
  if (!isOpnSimSourceType(type)) return invalid(`source type ${type.slice(0, 64)} is not supported`);
  const currencies = enabledCurrencies(account, type);
  if (currencies === null) return invalid(`source type ${type} is not enabled for this account`);
  if (!currencies.includes(currency)) return invalid('currency is currently not supported');
  return ok(type);
}

/** The method's documented amount limits for the currency, where it has any. */
function checkLimits(method: OpnSimMethod, currency: string, amount: number): Result<void, OpnProblem> {
  const limits = method.currencies[currency] ?? null;
  if (limits === null) return ok(undefined);
  if (amount < limits.min) return invalid(`amount must be at least ${limits.min}`);
  if (amount > limits.max) return invalid(`amount must be at most ${limits.max}`);
  return ok(undefined);
}

/** `expires_at` within the method's window, or its default lifetime when absent. */
function readExpiry(form: URLSearchParams, method: OpnSimMethod, now: number): Result<number, OpnProblem> {
  const text = form.get('expires_at');
  if (text === null) return ok(now + method.expiry.defaultMs);
  const at = Date.parse(text);
  if (!ISO_TIME.test(text) || Number.isNaN(at)) return invalid('expires_at is not a valid ISO 8601 time');
  if (at - now < method.expiry.minMs || at - now > method.expiry.maxMs) return invalid(`expires_at must be ${method.expiry.rule}`);
  return ok(at);
}

function readMetadata(form: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of form) {
    const key = /^metadata\[([^\]]+)\]$/.exec(name)?.[1];
    if (key !== undefined) metadata[key] = value;
  }
  return metadata;
}

/**
 * Reads and checks a `POST /charges` form as Opn would for a QR charge: amount in subunits, a source
 * type the account has enabled, in one of its currencies, within the method's documented limits (where
 * it has any), and `expires_at` within the method's window.
 */
export function parseCreateForm(body: string, now: number, account: OpnAccount): Result<CreateChargeInput, OpnProblem> {
  const form = new URLSearchParams(body);
  const amountText = form.get('amount');
  if (amountText === null || !/^\d{1,12}$/.test(amountText)) return invalid('amount must be an integer number of subunits');
  const amount = Number(amountText);
  if (amount === 0) return invalid('amount must be greater than 0');
  const currency = (form.get('currency') ?? '').toUpperCase();
  if (currency === '') return invalid('currency is required');
  const type = readSource(form, currency, account);
  if (!type.ok) return type;
  const method = OPN_SIM_METHODS[type.value];
  const limited = checkLimits(method, currency, amount);
  if (!limited.ok) return limited;
  const expiresAt = readExpiry(form, method, now);
  if (!expiresAt.ok) return expiresAt;

  const description = form.get('description');
  if (description !== null && description.length > 255) return invalid('description is too long (maximum is 255 characters)');
  const returnUri = form.get('return_uri');
  if (returnUri !== null && (returnUri.length > 2000 || !/^https?:\/\/\S+$/.test(returnUri))) return invalid('return_uri is not a valid URL');
  return ok({ type: type.value, amount, currency, description, metadata: readMetadata(form), expiresAt: expiresAt.value, returnUri });
}
