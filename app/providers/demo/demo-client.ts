import type { z } from 'zod';
import { demoErrorSchema, demoListSchema, demoPaymentSchema, DEMO_FAILURES, type DemoPayment } from './demo-api';
import { isTimeout, parseJson, retryAfterMs, type FetchLike, type HttpRequest } from '../http';
import type { CreatedPayment, PaymentProvider, ProviderError, ProviderStatus } from '../provider';
import type { MethodInfo } from '../../payment/method';
import { CURRENCY_CODES } from '../../money/currency';
import { toDecimalString } from '../../money/money';
import { err, ok, type Result } from '../../util/result';

export interface DemoClientOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

export const DEMO_METHOD: MethodInfo = {
  id: 'demo',
  label: 'Demo QR',
  provider: 'The demo provider',
  instruction: 'Scan to pay (demo: no real money)',
  currencies: CURRENCY_CODES,
  simulated: true,
  simulator: {
    outcomes: ['paid', 'failed', 'expired'],
    failureCodes: Object.entries(DEMO_FAILURES).map(([code, label]) => ({ code, label })),
  },
  refunds: { supported: false, rule: 'the demo provider takes no refunds' },
};

const LABEL = 'the demo provider';

/**
 * The demo provider's client. It takes the same path as a real provider client: HTTP, auth,
 * schema-checked responses, exhaustive status mapping. Only the simulator behind it is pretend.
 */
export function createDemoClient(options: DemoClientOptions): PaymentProvider {
  const request = async <S extends z.ZodType>(
    schema: S,
    method: HttpRequest['method'],
    path: string,
    body?: unknown,
  ): Promise<Result<z.infer<S>, ProviderError>> => {
    const mayHaveTakenEffect = method !== 'GET';
    let response;
    try {
      response = await options.fetch(options.baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const timeout = isTimeout(error);
      return err({
        kind: timeout ? 'timeout' : 'network',
        message: timeout ? `No answer from ${LABEL} in time \u2014 retrying` : `No connection to ${LABEL} \u2014 retrying`,
        ambiguous: mayHaveTakenEffect,
      });
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (response.status >= 200 && response.status < 300) {
      const parsed = json.ok ? schema.safeParse(json.value) : undefined;
      if (parsed?.success) return ok(parsed.data);
      return err({
        kind: 'invalid_response',
        message: `${LABEL} sent a response the terminal cannot read`,
        ambiguous: mayHaveTakenEffect,
      });
    }
    const providerError = json.ok ? demoErrorSchema.safeParse(json.value) : undefined;
    const said = providerError?.success ? providerError.data.message : `HTTP ${response.status}`;
    // The provider's words reach the cashier: never let them carry the key back, even if echoed.
    const detail = options.apiKey === '' ? said : said.replaceAll(options.apiKey, '[redacted]');
    if (response.status === 401 || response.status === 403) {
      return err({ kind: 'auth', message: `${LABEL} refused the terminal's key`, ambiguous: false });
    }
    if (response.status === 404) return err({ kind: 'not_found', message: `${LABEL}: ${detail}`, ambiguous: false });
    if (response.status === 429) {
      const after = retryAfterMs(response.headers.get('retry-after'), options.now());
      return err({
        kind: 'rate_limited',
        message: `${LABEL} asked the terminal to slow down \u2014 retrying`,
        ambiguous: false,
        ...(after === undefined ? {} : { retryAfterMs: after }),
      });
    }
    if (response.status >= 500) {
      return err({ kind: 'server', message: `${LABEL} is having trouble \u2014 retrying`, ambiguous: mayHaveTakenEffect });
    }
    return err({ kind: 'rejected', message: `${LABEL} rejected the request: ${detail}`, ambiguous: false });
  };

  const toCreated = (p: DemoPayment): CreatedPayment => ({
    providerRef: p.id,
    qr: { payload: p.qr_payload },
    expiresAt: Date.parse(p.expires_at),
  });

  const id = (providerRef: string) => encodeURIComponent(providerRef);

  return {
    method: DEMO_METHOD,
    checkAmount: () => ok(undefined),
    async create(req) {
      const result = await request(demoPaymentSchema, 'POST', '/v1/payments', {
        reference: req.reference,
        amount_minor: req.amount.minor,
        currency: req.amount.currency,
        description: req.description,
        expires_at: new Date(req.expiresAt).toISOString(),
      });
      if (!result.ok) return result;
      const p = result.value;
      // A provider that answers with a different amount or currency is never trusted with the sale.
      if (p.amount_minor !== req.amount.minor || p.currency !== req.amount.currency || p.reference !== req.reference) {
        return err({
          kind: 'invalid_response',
          message: `${LABEL} answered for ${toDecimalString({ minor: p.amount_minor, currency: req.amount.currency })} ${p.currency}, not the amount asked`,
          ambiguous: true,
        });
      }
      return ok(toCreated(p));
    },
    async status(providerRef) {
      const result = await request(demoPaymentSchema, 'GET', `/v1/payments/${id(providerRef)}`);
      return result.ok ? ok(mapDemoStatus(result.value)) : result;
    },
    async cancel(providerRef) {
      const result = await request(demoPaymentSchema, 'POST', `/v1/payments/${id(providerRef)}/cancel`);
      return result.ok ? ok(mapDemoStatus(result.value)) : result;
    },
    async findByReference(reference) {
      const result = await request(demoListSchema, 'GET', `/v1/payments?reference=${encodeURIComponent(reference)}`);
      if (!result.ok) return result;
      const match = result.value.data.find((p) => p.reference === reference);
      return ok(match === undefined ? null : toCreated(match));
    },
  };
}

/** Exhaustive: any status not listed becomes "unknown", which is never paid. */
export function mapDemoStatus(p: DemoPayment): ProviderStatus {
  switch (p.status) {
    case 'pending':
      return { kind: 'pending' };
    case 'paid':
      return { kind: 'paid', paidAt: p.paid_at === null ? Date.parse(p.created_at) : Date.parse(p.paid_at) };
    case 'failed': {
      const code = p.failure_code ?? 'unspecified';
      // Own keys only: a code such as "constructor" must not pick up an inherited Object property.
      const message = Object.hasOwn(DEMO_FAILURES, code) ? DEMO_FAILURES[code as keyof typeof DEMO_FAILURES] : `The payment failed (${code}).`;
      return { kind: 'failed', failure: { code, message } };
    }
    case 'expired':
      return { kind: 'expired' };
    case 'cancelled':
      return { kind: 'cancelled' };
    default:
      return { kind: 'unknown', raw: p.status };
  }
}
