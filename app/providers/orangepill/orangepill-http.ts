import type { z } from 'zod';
import { isTimeout, parseJson, type FetchLike, type HttpRequest, type HttpResponse } from '../http';
import type { PaymentSaid } from '../../i18n/said/payment';
import { keyRefused, providerRejected, rateLimited, transportFailure } from '../provider-errors';
import type { ProviderError } from '../provider';
import { err, ok, type Result } from '../../util/result';

export const ORANGEPILL_LABEL = 'Orangepill';
const MAX_DETAIL_LENGTH = 200;

export interface OrangepillHttpOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly merchantAlias: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

export interface OrangepillCall {
  readonly method: HttpRequest['method'];
  readonly path: string;
  /** JSON text, sent as is (the create body is assembled by hand for its exact amount). */
  readonly body?: string;
  readonly idempotencyKey?: string;
  /** True when the call changes something at Orangepill, so a lost answer leaves us not knowing. */
  readonly mayHaveTakenEffect: boolean;
  /** The payer alias sent, so an error naming it can say so. */
  readonly payerAlias?: string | null;
  /** JSON unless said otherwise (the PNG QR image). */
  readonly accept?: string;
}

export interface OrangepillHttp {
  /** A 2xx response, or the failure as the cashier should read it. */
  send(call: OrangepillCall): Promise<Result<HttpResponse, ProviderError>>;
  /** A 2xx JSON answer checked against the schema. */
  json<S extends z.ZodType>(schema: S, call: OrangepillCall): Promise<Result<z.infer<S>, ProviderError>>;
  invalid(call: OrangepillCall, what?: Unreadable): ProviderError;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What Orangepill said in an error body: its message, however it is wrapped, or short plain text. */
function providerSaid(text: string): string | null {
  const json = parseJson(text);
  if (json.ok) {
    const v = json.value;
    if (typeof v === 'string') return v;
    if (isRecord(v)) {
      const nested = isRecord(v.error) ? v.error.message : undefined;
      for (const candidate of [v.message, v.error, nested, v.description]) {
        if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
      }
    }
    return null;
  }
  const plain = text.trim();
  return plain !== '' && !plain.startsWith('<') ? plain : null;
}

/** Whether a message names this alias as a whole word ("@shop" is not named by "@shop_two"). */
function mentions(message: string, alias: string): boolean {
  if (alias === '') return false;
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`, 'i').test(message);
}

/** Orangepill's words reach the cashier: never let them carry the key back, even if echoed. */
function redact(text: string, apiKey: string): string {
  return (apiKey === '' ? text : text.replaceAll(apiKey, '[redacted]')).slice(0, MAX_DETAIL_LENGTH);
}

/** What Orangepill sent that the terminal cannot read: any answer, another request than asked, a QR image. */
export type Unreadable = 'response' | 'another_request' | 'qr_image';

const UNREADABLE: Readonly<Record<Unreadable, { readonly what: string; readonly said: PaymentSaid }>> = {
  response: { what: 'a response', said: { area: 'payment', kind: 'unreadable_answer', provider: ORANGEPILL_LABEL } },
  another_request: { what: 'another payment request', said: { area: 'payment', kind: 'orangepill_other_request' } },
  qr_image: { what: 'a QR image', said: { area: 'payment', kind: 'orangepill_bad_qr_image' } },
};

function invalid(call: OrangepillCall, what: Unreadable = 'response'): ProviderError {
  const { what: words, said } = UNREADABLE[what];
  return { kind: 'invalid_response', message: `${ORANGEPILL_LABEL} sent ${words} the terminal cannot read`, said, ambiguous: call.mayHaveTakenEffect };
}

/** A non-2xx answer as the cashier should read it: auth, slow down, trouble, an alias it does not know, or its own words. */
async function failure(options: OrangepillHttpOptions, call: OrangepillCall, response: HttpResponse): Promise<ProviderError> {
  const status = response.status;
  const said = providerSaid(await response.text().catch(() => ''));
  const detail = redact(said ?? `HTTP ${status}`, options.apiKey);
  if (status === 401 || status === 403) return keyRefused(ORANGEPILL_LABEL, 'api_key');
  if (status === 429) return rateLimited(ORANGEPILL_LABEL, response.headers.get('retry-after'), options.now());
  if (status >= 500) {
    return {
      kind: 'server',
      message: `${ORANGEPILL_LABEL} is having trouble (HTTP ${status}) \u2014 retrying`,
      said: { area: 'payment', kind: 'provider_trouble', provider: ORANGEPILL_LABEL, httpStatus: status },
      ambiguous: call.mayHaveTakenEffect,
    };
  }
  if (said !== null && mentions(said, options.merchantAlias)) {
    const alias = options.merchantAlias;
    return {
      kind: 'rejected',
      message: `${ORANGEPILL_LABEL} does not know the merchant alias ${alias} \u2014 check it in settings`,
      said: { area: 'payment', kind: 'merchant_alias_unknown', provider: ORANGEPILL_LABEL, alias },
      ambiguous: false,
    };
  }
  const payer = call.payerAlias ?? null;
  if (said !== null && payer !== null && mentions(said, payer)) {
    return {
      kind: 'rejected',
      message: `${ORANGEPILL_LABEL} does not know the payer alias ${payer} \u2014 check it with the customer`,
      said: { area: 'payment', kind: 'payer_alias_unknown', provider: ORANGEPILL_LABEL, alias: payer },
      ambiguous: false,
    };
  }
  if (status === 404) {
    return {
      kind: 'not_found',
      message: `${ORANGEPILL_LABEL} has no such payment request (${detail})`,
      said: { area: 'payment', kind: 'no_such_request', provider: ORANGEPILL_LABEL, detail },
      ambiguous: false,
    };
  }
  return providerRejected(ORANGEPILL_LABEL, 'request', detail);
}

/** The HTTP edge of the Orangepill client: headers, timeouts, and every failure turned into a plain sentence. */
export function createOrangepillHttp(options: OrangepillHttpOptions): OrangepillHttp {
  const send = async (call: OrangepillCall): Promise<Result<HttpResponse, ProviderError>> => {
    let response: HttpResponse;
    try {
      response = await options.fetch(options.baseUrl + call.path, {
        method: call.method,
        headers: {
          'x-api-key': options.apiKey,
          accept: call.accept ?? 'application/json',
          ...(call.idempotencyKey === undefined ? {} : { 'idempotency-key': call.idempotencyKey }),
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { body: call.body }),
      });
    } catch (error) {
      return err(transportFailure(ORANGEPILL_LABEL, isTimeout(error), call.mayHaveTakenEffect));
    }
    if (response.status >= 200 && response.status < 300) return ok(response);
    return err(await failure(options, call, response));
  };

  const json = async <S extends z.ZodType>(schema: S, call: OrangepillCall): Promise<Result<z.infer<S>, ProviderError>> => {
    const sent = await send(call);
    if (!sent.ok) return sent;
    const text = await sent.value.text().catch(() => null);
    const parsed = text === null ? null : parseJson(text);
    const checked = parsed?.ok === true ? schema.safeParse(parsed.value) : null;
    return checked?.success === true ? ok(checked.data) : err(invalid(call));
  };

  return { send, json, invalid };
}
