import { isOpnCurrency, OPN_LIMITS, OPN_MAX_EXPIRY_MS, OPN_MIN_EXPIRY_MS } from '../../../app/providers/opn/opn-api';
import { err, ok, type Result } from '../../../app/util/result';
import { problem, type OpnProblem } from './opn-ledger';

export interface CreateChargeInput {
  readonly amount: number;
  readonly currency: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly expiresAt: number;
}

const invalid = (message: string): Result<never, OpnProblem> => err(problem(400, 'invalid_charge', message));

/**
 * Reads and checks a `POST /charges` form as Opn would for an Atome QR charge: amount in subunits
 * within the country's limits, SGD or MYR, `source[type]=atome_qr`, and `expires_at` 30 s to 12 h ahead.
 */
export function parseCreateForm(body: string, now: number): Result<CreateChargeInput, OpnProblem> {
  const form = new URLSearchParams(body);
  const amountText = form.get('amount');
  if (amountText === null || !/^\d{1,12}$/.test(amountText)) return invalid('amount must be an integer number of subunits');
  const amount = Number(amountText);
  const currency = (form.get('currency') ?? '').toUpperCase();
  if (currency === '') return invalid('currency is required');
  if (form.get('source') !== null) return invalid('source not found: this simulator creates the source with the charge');
  const type = form.get('source[type]');
  if (type === null) return invalid('card or source is required');
  if (type !== 'atome_qr') return invalid(`source type ${type} is not supported`);
  if (!isOpnCurrency(currency)) return invalid('currency is currently not supported');
  const { min, max } = OPN_LIMITS[currency];
  if (amount < min) return invalid(`amount must be at least ${min}`);
  if (amount > max) return invalid(`amount must be at most ${max}`);

  let expiresAt = now + OPN_MAX_EXPIRY_MS;
  const expiresText = form.get('expires_at');
  if (expiresText !== null) {
    expiresAt = Date.parse(expiresText);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(expiresText) || Number.isNaN(expiresAt)) {
      return invalid('expires_at is not a valid ISO 8601 time');
    }
    if (expiresAt - now < OPN_MIN_EXPIRY_MS || expiresAt - now > OPN_MAX_EXPIRY_MS) {
      return invalid('expires_at must be between 30 seconds and 12 hours from now');
    }
  }

  const description = form.get('description');
  if (description !== null && description.length > 255) return invalid('description is too long (maximum is 255 characters)');
  const metadata: Record<string, string> = {};
  for (const [name, value] of form) {
    const key = /^metadata\[([^\]]+)\]$/.exec(name)?.[1];
    if (key !== undefined) metadata[key] = value;
  }
  return ok({ amount, currency, description, metadata, expiresAt });
}
