import type { PaymentSaid } from '../../i18n/said/payment';
import type { RefundSaid } from '../../i18n/said/refund';
import type { ProviderError } from '../provider';
import type { Money } from '../../money/money';
import { otherAmount } from '../provider-errors';
import { err, type Result } from '../../util/result';
import { opnChargeSchema, type OpnChargeData } from './opn-api';
import type { OpnHttp } from './opn-http';
import type { OpnMethod } from './opn-methods';
import type { QrImageDecoder } from './opn-qr';

/** Amounts asked for, remembered to check Opn's answers; bounded so a long-running terminal does not grow. */
const REMEMBERED = 500;

/** What a sale asked Opn for, remembered by our reference until its charge is found or made. */
export interface Asked {
  readonly amount: Money;
  /** The `expires_at` sent, epoch ms. */
  readonly expiresAt: number;
}

/** What each Opn call needs: the HTTP seam, the method, the clock and decoder, and what was asked so far. */
export interface OpnContext {
  readonly http: OpnHttp;
  readonly method: OpnMethod;
  readonly baseUrl: string;
  readonly now: () => number;
  readonly decodeQrImage: QrImageDecoder;
  readonly askedByReference: Map<string, Asked>;
  readonly askedByCharge: Map<string, Money>;
}

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A refusal before or by Opn; `said` is the same sentence for the cashier's screen to word. */
export const rejected = (message: string, said: PaymentSaid | RefundSaid): ProviderError => ({
  kind: 'rejected',
  message,
  ambiguous: false,
  ...(said.area === 'refund' ? { refundSaid: said } : { said }),
});
export const sameCurrency = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();
export const chargePath = (id: string, rest = ''): string => `/charges/${encodeURIComponent(id)}${rest}`;

export function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as K);
}

/**
 * Opn answering with another amount, currency or method than we asked is never trusted with the sale.
 * The method is checked whenever the charge names its source, so a PayNow sale never takes an Atome answer.
 */
export function mismatch(ctx: Pick<OpnContext, 'method'>, charge: OpnChargeData, asked: Money | undefined): ProviderError | null {
  const type = charge.source?.type;
  if (type !== undefined && type !== ctx.method.sourceType) {
    const sourceType = type.slice(0, 40);
    return {
      kind: 'invalid_response',
      message: `Opn answered with a ${sourceType} charge, not the ${ctx.method.names.en} charge asked`,
      said: { area: 'payment', kind: 'opn_other_source', sourceType, method: ctx.method.id },
      ambiguous: false,
    };
  }
  if (asked === undefined || (charge.amount === asked.minor && sameCurrency(charge.currency, asked.currency))) return null;
  return { kind: 'invalid_response', ...otherAmount('Opn', asked, { minor: charge.amount, currency: charge.currency }), ambiguous: false };
}

export async function getCharge(ctx: OpnContext, id: string): Promise<Result<OpnChargeData, ProviderError>> {
  const result = await ctx.http.call(opnChargeSchema, 'GET', chargePath(id));
  if (!result.ok) return result;
  const wrong = mismatch(ctx, result.value, ctx.askedByCharge.get(id));
  return wrong === null ? result : err(wrong);
}

/** Best effort: a charge whose QR can never be shown is expired, so nobody can pay it later. */
export async function withdraw(ctx: OpnContext, id: string): Promise<boolean> {
  return (await ctx.http.call(opnChargeSchema, 'POST', chargePath(id, '/expire'))).ok;
}
