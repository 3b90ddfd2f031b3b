import { describe, expect, it } from 'vitest';
import type { PaymentState, PaymentStatus } from '../../app/payment/payment';
import { CLOSED_AFTER_PART } from '../../app/payment/transition';
import type { CheckoutStatus } from '../../app/pos-api/checkout-schemas';
import { checkoutOutcome } from '../../app/pos-api/checkout-status';
import { checkoutView } from '../../app/pos-api/checkout-view';
import { aPayment, FIXTURE_T0 } from '../support/payment-fixture';

const SGD = (minor: number) => ({ minor, currency: 'SGD' as const });
const DECISION = { at: FIXTURE_T0, by: null };

/** Every payment state the engine has, one or more examples each, with the status a POS must read. A Record, so a new state fails the build here. */
const CASES: Readonly<Record<PaymentStatus, readonly (readonly [PaymentState, CheckoutStatus])[]>> = {
  creating: [[{ status: 'creating' }, 'pending']],
  awaiting: [[{ status: 'awaiting' }, 'awaiting_customer']],
  cancelling: [[{ status: 'cancelling' }, 'awaiting_customer']],
  unknown: [[{ status: 'unknown', providerStatus: 'HOLD' }, 'needs_attention']],
  needs_attention: [
    [{ status: 'needs_attention', reason: 'The provider answered for another amount' }, 'needs_attention'],
    [{ status: 'needs_attention', reason: CLOSED_AFTER_PART }, 'needs_attention'],
  ],
  partially_paid: [
    [{ status: 'partially_paid', received: SGD(500) }, 'partly_paid'],
    [{ status: 'partially_paid', received: null, leftOpen: 'Money arrived; the request was left open' }, 'partly_paid'],
  ],
  paid: [
    [{ status: 'paid', paidAt: FIXTURE_T0 }, 'paid'],
    [{ status: 'paid', paidAt: FIXTURE_T0, received: SGD(2000), overpaid: true }, 'paid'],
    [{ status: 'paid', paidAt: FIXTURE_T0, late: true }, 'needs_attention'],
    [{ status: 'paid', paidAt: FIXTURE_T0, late: true, kept: DECISION }, 'paid'],
  ],
  failed: [[{ status: 'failed', failure: { code: 'payment_rejected', message: 'The wallet refused the payment' } }, 'failed']],
  expired: [[{ status: 'expired' }, 'expired']],
  cancelled: [[{ status: 'cancelled' }, 'cancelled']],
  cancelled_with_money: [
    [{ status: 'cancelled_with_money', received: SGD(500) }, 'needs_attention'],
    [{ status: 'cancelled_with_money', received: null, returned: DECISION }, 'needs_attention'],
  ],
  paid_after_cancel: [[{ status: 'paid_after_cancel', paidAt: FIXTURE_T0 }, 'paid']],
  refunded: [[{ status: 'refunded' }, 'paid']],
};

/** States in which money has reached the shop, or part of it: never "cancelled" or "failed" to a POS. */
const MONEY_ARRIVED: ReadonlySet<PaymentStatus> = new Set(['partially_paid', 'paid', 'cancelled_with_money', 'paid_after_cancel', 'refunded']);

describe('the POS status of every payment state', () => {
  for (const [status, cases] of Object.entries(CASES)) {
    for (const [state, expected] of cases) {
      it(`${status} ${JSON.stringify(state).slice(0, 80)} reads ${expected}`, () => {
        expect(checkoutOutcome(aPayment({ state }), 'en-SG').status).toBe(expected);
      });
    }
  }

  it('never reports money that arrived as cancelled or failed', () => {
    for (const [status, cases] of Object.entries(CASES)) {
      const arrived = MONEY_ARRIVED.has(status as PaymentStatus) || cases.some(([state]) => state.status === 'needs_attention' && state.reason === CLOSED_AFTER_PART);
      if (!arrived) continue;
      for (const [state] of cases) expect(['cancelled', 'failed']).not.toContain(checkoutOutcome(aPayment({ state })).status);
    }
  });

  it('says how much arrived and why a person must look, in a sentence', () => {
    const part = checkoutOutcome(aPayment({ state: { status: 'partially_paid', received: SGD(500) } }), 'en-SG');
    expect(part.received).toEqual(SGD(500));
    expect(part.attention).toMatch(/5\.00 of .*12\.34 has arrived/);
    const back = checkoutOutcome(aPayment({ state: { status: 'cancelled_with_money', received: SGD(500) } }), 'en-SG');
    expect(back.attention).toMatch(/to be given back/);
    const failed = checkoutOutcome(aPayment({ state: { status: 'failed', failure: { code: 'payment_rejected', message: 'Refused', said: { area: 'payment', kind: 'create_stopped' } } } }));
    // The provider's code and our sentence, never the screens' `said`.
    expect(failed.failure).toEqual({ code: 'payment_rejected', message: 'Refused' });
  });
});

describe('the checkout view', () => {
  const request = { id: 'co_0123456789abcdef01234567', client: 'Till 2', amount: SGD(1234), method: 'atome' as const, reference: 'A-1', description: null, createdAt: FIXTURE_T0 };

  it('reads pending while queued or starting, cancelled or failed once withdrawn, and as its payment once started', () => {
    expect(checkoutView(request, { phase: 'queued', position: 2, at: FIXTURE_T0 }, 'Atome')).toMatchObject({ status: 'pending', queuePosition: 2 });
    expect(checkoutView(request, { phase: 'starting', at: FIXTURE_T0 }, 'Atome')).toMatchObject({ status: 'pending', queuePosition: null });
    expect(checkoutView(request, { phase: 'withdrawn', at: FIXTURE_T0 }, 'Atome').status).toBe('cancelled');
    expect(checkoutView(request, { phase: 'withdrawn', at: FIXTURE_T0, failure: { code: 'terminal_unavailable', message: 'x' } }, 'Atome').status).toBe('failed');
    const payment = aPayment({ id: 'T-9', providerRef: 'chrg_1', qr: { payload: 'QR' }, expiresAt: FIXTURE_T0 + 600_000, refundedMinor: 100, state: { status: 'paid', paidAt: FIXTURE_T0 } });
    expect(checkoutView(request, { phase: 'started', payment }, 'Atome')).toMatchObject({
      status: 'paid',
      qr: { payload: 'QR' },
      refunded: SGD(100),
      provider: { name: 'Atome', paymentId: 'T-9', providerRef: 'chrg_1' },
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-01T00:10:00.000Z',
    });
  });

  it('gives no QR payload when the provider gave only an image', () => {
    const payment = aPayment({ state: { status: 'awaiting' }, qr: { payload: null, image: { dataUrl: 'data:image/png;base64,AAAA' } } });
    expect(checkoutView(request, { phase: 'started', payment }, 'Atome').qr).toBeNull();
  });
});
