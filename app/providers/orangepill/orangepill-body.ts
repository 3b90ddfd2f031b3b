import type { CreatePaymentRequest } from '../provider';
import { isCurrencyCode, type CurrencyCode } from '../../money/currency';
import { parseDecimal, toDecimalString } from '../../money/money';

/** The shop's side of every request, from settings. */
export interface OrangepillShop {
  readonly merchantAlias: string;
  readonly store: string | null;
  readonly merchant: string | null;
  readonly callbackUrl: string | null;
  readonly tags: readonly string[];
  /** The product that made the request (`data.system`), e.g. "QR Counter Terminal". */
  readonly system: string;
}

/** The static QR body (doc "Static Payment Requests"): the payee only, no amount and no reference. */
export interface OrangepillStaticRequest {
  readonly version: '1.0';
  readonly destination: { readonly alias: string };
  readonly description: string;
  readonly data: { readonly store?: string; readonly merchant?: string };
}

/** Stable per sale, so a retried create can only ever replay the first one, never make a second. */
export function idempotencyKey(reference: string): string {
  return `qrct-${reference}`;
}

/** A JSON object from already-serialised member values, in the order given. */
function jsonObject(members: readonly (readonly [string, string] | null)[]): string {
  const present = members.filter((m): m is readonly [string, string] => m !== null);
  return `{${present.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

const member = (key: string, value: unknown): readonly [string, string] => [key, JSON.stringify(value)];

/**
 * The create body as JSON text. `amount` is written from the exact decimal string as a JSON number
 * literal, so 100.23 goes out as `100.23` without ever passing through float arithmetic.
 */
export function createBodyJson(shop: OrangepillShop, request: CreatePaymentRequest): string {
  const data = jsonObject([
    member('order', request.reference),
    shop.store === null ? null : member('store', shop.store),
    shop.merchant === null ? null : member('merchant', shop.merchant),
    member('system', shop.system),
    shop.callbackUrl === null ? null : member('callback', shop.callbackUrl),
    // A custom data field (the doc allows them): lets reconciliation after a restart know the QR's end.
    member('expires_at', request.expiresAt),
  ]);
  return jsonObject([
    member('version', '1.0'),
    member('destination', { alias: shop.merchantAlias }),
    request.payerAlias === null ? null : member('source', { alias: request.payerAlias }),
    ['amount', toDecimalString(request.amount)],
    member('asset', request.amount.currency),
    member('description', request.description),
    ['data', data],
    shop.tags.length === 0 ? null : member('tags', shop.tags),
  ]);
}

export function staticRequestBody(shop: OrangepillShop): OrangepillStaticRequest {
  return {
    version: '1.0',
    destination: { alias: shop.merchantAlias },
    description: `Pay ${shop.store ?? shop.merchant ?? shop.merchantAlias}`,
    data: {
      ...(shop.store === null ? {} : { store: shop.store }),
      ...(shop.merchant === null ? {} : { merchant: shop.merchant }),
    },
  };
}

/**
 * Minor units of a wire amount (JSON number or decimal text), exactly, or null when it is not a plain
 * decimal with at most the currency's decimals. A JSON number reads back as its shortest decimal form,
 * which is exact for the at most 15 significant digits a terminal amount can have.
 */
export function wireAmountToMinor(value: number | string, code: string): number | null {
  if (!isCurrencyCode(code)) return null;
  const text = typeof value === 'number' ? String(value) : value;
  const parsed = parseDecimal(text, code);
  return parsed.ok ? parsed.value.minor : null;
}

export function asCurrency(code: string | undefined): CurrencyCode | null {
  return code !== undefined && isCurrencyCode(code) ? code : null;
}
