import { demoListSchema, demoPaymentSchema, DEMO_FAILURES, isDemoFailureCode, type DemoPayment } from './demo-api';
import { DEMO_METHOD } from './demo-method';
import { DEMO_LABEL, demoRequest, type DemoHttpOptions } from './demo-http';
import type { CreatedPayment, PaymentProvider, ProviderStatus } from '../provider';
import { otherAmount } from '../provider-errors';
import { err, ok } from '../../util/result';

/** The client needs nothing beyond what its HTTP edge does. */
export type DemoClientOptions = DemoHttpOptions;

export { DEMO_METHOD } from './demo-method';

/**
 * The demo provider's client. It takes the same path as a real provider client: HTTP, auth,
 * schema-checked responses, exhaustive status mapping. Only the simulator behind it is pretend.
 */
export function createDemoClient(options: DemoClientOptions): PaymentProvider {
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
      const result = await demoRequest(options, demoPaymentSchema, 'POST', '/v1/payments', {
        reference: req.reference,
        amount_minor: req.amount.minor,
        currency: req.amount.currency,
        description: req.description,
        expires_at: new Date(req.expiresAt).toISOString(),
      });
      if (!result.ok) return result;
      const p = result.value;
      // A provider that answers with a different amount or currency is never trusted with the sale.
      if (p.amount_minor !== req.amount.minor || p.currency !== req.amount.currency) {
        return err({ kind: 'invalid_response', ...otherAmount(DEMO_LABEL, req.amount, { minor: p.amount_minor, currency: p.currency }), ambiguous: true });
      }
      if (p.reference !== req.reference) {
        return err({ kind: 'invalid_response', message: `${DEMO_LABEL} answered for another sale`, said: { area: 'payment', kind: 'other_sale', provider: DEMO_LABEL }, ambiguous: true });
      }
      return ok(toCreated(p));
    },
    async status(providerRef) {
      const result = await demoRequest(options, demoPaymentSchema, 'GET', `/v1/payments/${id(providerRef)}`);
      return result.ok ? ok(mapDemoStatus(result.value)) : result;
    },
    async cancel(providerRef) {
      const result = await demoRequest(options, demoPaymentSchema, 'POST', `/v1/payments/${id(providerRef)}/cancel`);
      return result.ok ? ok(mapDemoStatus(result.value)) : result;
    },
    async findByReference(reference) {
      const result = await demoRequest(options, demoListSchema, 'GET', `/v1/payments?reference=${encodeURIComponent(reference)}`);
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
      if (isDemoFailureCode(code)) {
        return { kind: 'failed', failure: { code, message: DEMO_FAILURES[code], said: { area: 'payment', kind: 'demo_failure', code } } };
      }
      return {
        kind: 'failed',
        failure: { code, message: `The payment failed (${code}).`, said: { area: 'payment', kind: 'demo_failure_unknown', code } },
      };
    }
    case 'expired':
      return { kind: 'expired' };
    case 'cancelled':
      return { kind: 'cancelled' };
    default:
      return { kind: 'unknown', raw: p.status };
  }
}
