import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, isFinal, type Payment, type PaymentState } from '../../app/payment/payment';
import { transition, type PaymentEvent } from '../../app/payment/transition';
import type { CreatedPayment, ProviderStatus } from '../../app/providers/provider';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_700_000_000_000;
const NOW = T0 + 5_000;

function payment(state: PaymentState, patch: Partial<Payment> = {}): Payment {
  const creating = state.status === 'creating';
  return aPayment({
    id: 'pay_1',
    amount: { minor: 1234, currency: 'SGD' },
    method: 'demo',
    providerRef: creating ? null : 'prov_1',
    qr: creating ? null : { payload: 'DEMO:prov_1' },
    createdAt: T0,
    updatedAt: T0,
    expiresAt: creating ? null : T0 + 600_000,
    state,
    ...patch,
  });
}

const created: CreatedPayment = { providerRef: 'prov_9', qr: { payload: 'DEMO:prov_9' }, expiresAt: T0 + 300_000 };
const failure = { code: 'payment_rejected', message: 'The customer\u2019s wallet declined the payment.' };

const status = (s: ProviderStatus): PaymentEvent => ({ type: 'provider_status', status: s });
const PENDING = status({ kind: 'pending' });
const PAID = status({ kind: 'paid', paidAt: T0 + 4_000 });
const FAILED = status({ kind: 'failed', failure });
const EXPIRED = status({ kind: 'expired' });
const CANCELLED = status({ kind: 'cancelled' });
const UNKNOWN = status({ kind: 'unknown', raw: 'settled' });

const ALL_EVENTS: readonly PaymentEvent[] = [
  { type: 'created', created },
  { type: 'create_failed', failure },
  PENDING,
  PAID,
  FAILED,
  EXPIRED,
  CANCELLED,
  UNKNOWN,
  { type: 'cancel_requested' },
  { type: 'cancel_failed', message: 'Could not cancel yet' },
  { type: 'notice', message: 'No connection' },
  { type: 'notice', message: null },
  { type: 'untrusted_response', reason: 'Opn sent a response the terminal cannot read' },
  { type: 'left_open', received: null, message: 'Part has already arrived: the request was not cancelled.' },
  { type: 'cancel_unresolved', reason: 'Orangepill answered 404 after the DELETE' },
];

const FINAL_STATES: readonly PaymentState[] = [
  { status: 'paid', paidAt: T0 + 1 },
  { status: 'failed', failure },
  { status: 'expired' },
  { status: 'cancelled' },
  { status: 'paid_after_cancel', paidAt: T0 + 2 },
  { status: 'cancelled_with_money', received: null },
];

const label = (e: PaymentEvent): string => (e.type === 'provider_status' ? `provider ${e.status.kind}` : e.type);

describe('isFinal', () => {
  it('knows exactly the seven final states', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['cancelled', 'cancelled_with_money', 'expired', 'failed', 'paid', 'paid_after_cancel', 'refunded']);
    for (const s of FINAL_STATES) expect(isFinal(s)).toBe(true);
    const partly = { status: 'partially_paid', received: { minor: 100, currency: 'SGD' } } as const;
    for (const s of [{ status: 'creating' }, { status: 'awaiting' }, { status: 'cancelling' }, { status: 'unknown', providerStatus: 'x' }, partly] as const) {
      expect(isFinal(s)).toBe(false);
    }
  });
});

describe('transition: creating', () => {
  it('created moves creating → awaiting with the provider ref, QR and expiry, clearing any notice', () => {
    const before = payment({ status: 'creating' }, { notice: 'retrying' });
    const after = transition(before, { type: 'created', created }, NOW);
    expect(after).toEqual({
      ...before,
      providerRef: 'prov_9',
      qr: { payload: 'DEMO:prov_9' },
      expiresAt: T0 + 300_000,
      state: { status: 'awaiting' },
      notice: null,
      updatedAt: NOW,
    });
  });

  it('created is ignored in every state but creating', () => {
    for (const s of [{ status: 'awaiting' }, { status: 'cancelling' }, ...FINAL_STATES] as const) {
      const before = payment(s);
      expect(transition(before, { type: 'created', created }, NOW), s.status).toBe(before);
    }
  });

  it('create_failed moves creating → failed carrying the failure', () => {
    const before = payment({ status: 'creating' }, { notice: 'retrying' });
    const after = transition(before, { type: 'create_failed', failure }, NOW);
    expect(after.state).toEqual({ status: 'failed', failure });
    expect(after.notice).toBeNull();
    expect(after.updatedAt).toBe(NOW);
  });

  it('create_failed is ignored outside creating', () => {
    const before = payment({ status: 'awaiting' });
    expect(transition(before, { type: 'create_failed', failure }, NOW)).toBe(before);
  });

  it('provider statuses and cancel requests are ignored while creating', () => {
    const before = payment({ status: 'creating' });
    for (const e of [PENDING, PAID, FAILED, EXPIRED, CANCELLED, UNKNOWN, { type: 'cancel_requested' } as const]) {
      expect(transition(before, e, NOW), label(e)).toBe(before);
    }
  });

  it('a notice may be shown while creating', () => {
    const after = transition(payment({ status: 'creating' }), { type: 'notice', message: 'No connection' }, NOW);
    expect(after.notice).toBe('No connection');
    expect(after.state).toEqual({ status: 'creating' });
  });
});

describe('transition: provider status while awaiting', () => {
  it('paid → paid with paidAt', () => {
    const after = transition(payment({ status: 'awaiting' }, { notice: 'slow' }), PAID, NOW);
    expect(after.state).toEqual({ status: 'paid', paidAt: T0 + 4_000 });
    expect(after.notice).toBeNull();
    expect(after.updatedAt).toBe(NOW);
  });

  it('failed → failed carrying the failure', () => {
    const after = transition(payment({ status: 'awaiting' }), FAILED, NOW);
    expect(after.state).toEqual({ status: 'failed', failure: { code: 'payment_rejected', message: failure.message } });
  });

  it('expired and cancelled are taken from the provider', () => {
    expect(transition(payment({ status: 'awaiting' }), EXPIRED, NOW).state).toEqual({ status: 'expired' });
    expect(transition(payment({ status: 'awaiting' }), CANCELLED, NOW).state).toEqual({ status: 'cancelled' });
  });

  it('an unknown provider status becomes unknown, never paid', () => {
    const after = transition(payment({ status: 'awaiting' }), UNKNOWN, NOW);
    expect(after.state).toEqual({ status: 'unknown', providerStatus: 'settled' });
    expect(isFinal(after.state)).toBe(false);
  });

  it('pending after unknown goes back to awaiting', () => {
    const unknown = transition(payment({ status: 'awaiting' }), UNKNOWN, NOW);
    const after = transition(unknown, PENDING, NOW + 1);
    expect(after.state).toEqual({ status: 'awaiting' });
    expect(after.updatedAt).toBe(NOW + 1);
  });

  it('unknown can still become paid later', () => {
    const unknown = transition(payment({ status: 'awaiting' }), UNKNOWN, NOW);
    expect(transition(unknown, PAID, NOW + 1).state).toEqual({ status: 'paid', paidAt: T0 + 4_000 });
  });

  it('pending while awaiting with no notice returns the same object', () => {
    const before = payment({ status: 'awaiting' });
    expect(transition(before, PENDING, NOW)).toBe(before);
  });

  it('pending while awaiting clears a notice', () => {
    const before = payment({ status: 'awaiting' }, { notice: 'No connection' });
    const after = transition(before, PENDING, NOW);
    expect(after).not.toBe(before);
    expect(after.notice).toBeNull();
    expect(after.state).toEqual({ status: 'awaiting' });
    expect(after.updatedAt).toBe(NOW);
  });
});

describe('transition: an answer the terminal will not trust', () => {
  const UNTRUSTED: PaymentEvent = { type: 'untrusted_response', reason: 'Opn answered for MYR 12.34, not the SGD 12.34 asked' };

  it('moves an open payment to needs_attention with the reason, never to paid', () => {
    for (const open of [{ status: 'awaiting' }, { status: 'unknown', providerStatus: 'x' }, { status: 'partially_paid', received: { minor: 5, currency: 'SGD' } }] as const) {
      const after = transition(payment(open, { notice: 'No connection' }), UNTRUSTED, NOW);
      expect(after.state).toEqual({ status: 'needs_attention', reason: 'Opn answered for MYR 12.34, not the SGD 12.34 asked' });
      expect(after.notice).toBeNull();
      expect(isFinal(after.state)).toBe(false);
    }
  });

  it('is ignored while creating or cancelling, and repeats return the same object', () => {
    for (const s of [{ status: 'creating' }, { status: 'cancelling' }] as const) {
      const before = payment(s);
      expect(transition(before, UNTRUSTED, NOW)).toBe(before);
    }
    const attention = transition(payment({ status: 'awaiting' }), UNTRUSTED, NOW);
    expect(transition(attention, UNTRUSTED, NOW + 1)).toBe(attention);
  });

  it('a trustworthy answer afterwards moves it on: pending back to awaiting, paid to paid', () => {
    const attention = transition(payment({ status: 'awaiting' }), UNTRUSTED, NOW);
    expect(transition(attention, PENDING, NOW + 1).state).toEqual({ status: 'awaiting' });
    expect(transition(attention, PAID, NOW + 1).state).toEqual({ status: 'paid', paidAt: T0 + 4_000 });
  });

  it('the cashier can cancel a payment that needs attention', () => {
    const attention = transition(payment({ status: 'awaiting' }), UNTRUSTED, NOW);
    expect(transition(attention, { type: 'cancel_requested' }, NOW + 1).state).toEqual({ status: 'cancelling' });
  });
});

describe('transition: cancelling', () => {
  it('cancel_requested from awaiting → cancelling', () => {
    const after = transition(payment({ status: 'awaiting' }), { type: 'cancel_requested' }, NOW);
    expect(after.state).toEqual({ status: 'cancelling' });
    expect(after.updatedAt).toBe(NOW);
  });

  it('cancel_requested from unknown → cancelling', () => {
    const before = payment({ status: 'unknown', providerStatus: 'settled' });
    expect(transition(before, { type: 'cancel_requested' }, NOW).state).toEqual({ status: 'cancelling' });
  });

  it('cancel_requested is ignored while creating or already cancelling', () => {
    for (const s of [{ status: 'creating' }, { status: 'cancelling' }] as const) {
      const before = payment(s);
      expect(transition(before, { type: 'cancel_requested' }, NOW)).toBe(before);
    }
  });

  it('pending while cancelling stays cancelling (same object without a notice)', () => {
    const before = payment({ status: 'cancelling' });
    expect(transition(before, PENDING, NOW)).toBe(before);
  });

  it('pending while cancelling clears a notice but stays cancelling', () => {
    const before = payment({ status: 'cancelling' }, { notice: 'slow' });
    const after = transition(before, PENDING, NOW);
    expect(after.state).toEqual({ status: 'cancelling' });
    expect(after.notice).toBeNull();
  });

  it('cancelled while cancelling → cancelled', () => {
    expect(transition(payment({ status: 'cancelling' }), CANCELLED, NOW).state).toEqual({ status: 'cancelled' });
  });

  it('paid while cancelling → paid (the cancel lost the race; the money is real)', () => {
    expect(transition(payment({ status: 'cancelling' }), PAID, NOW).state).toEqual({ status: 'paid', paidAt: T0 + 4_000 });
  });

  it('cancel_failed → awaiting with the notice', () => {
    const after = transition(payment({ status: 'cancelling' }), { type: 'cancel_failed', message: 'Could not cancel yet: offline' }, NOW);
    expect(after.state).toEqual({ status: 'awaiting' });
    expect(after.notice).toBe('Could not cancel yet: offline');
    expect(after.updatedAt).toBe(NOW);
  });

  it('cancel_failed is ignored unless cancelling', () => {
    for (const s of [{ status: 'awaiting' }, { status: 'creating' }, ...FINAL_STATES] as const) {
      const before = payment(s);
      expect(transition(before, { type: 'cancel_failed', message: 'x' }, NOW), s.status).toBe(before);
    }
  });
});

describe('transition: final states', () => {
  it('never move, for every event except a provider paid after cancelled or expired', () => {
    for (const s of FINAL_STATES) {
      for (const e of ALL_EVENTS) {
        const before = payment(s, { notice: null });
        const after = transition(before, e, NOW);
        const isException = e === PAID && (s.status === 'cancelled' || s.status === 'expired');
        if (isException) expect(after.state.status, `${s.status} + ${label(e)}`).toBe('paid_after_cancel');
        else expect(after, `${s.status} + ${label(e)}`).toBe(before);
      }
    }
  });

  it('paid after cancelled → paid_after_cancel, keeping the provider paidAt', () => {
    const after = transition(payment({ status: 'cancelled' }), PAID, NOW);
    expect(after.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 4_000 });
    expect(after.updatedAt).toBe(NOW);
  });

  it('paid after expired → paid_after_cancel', () => {
    const after = transition(payment({ status: 'expired' }), PAID, NOW);
    expect(after.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 4_000 });
  });

  it('paid after failed stays failed', () => {
    const before = payment({ status: 'failed', failure });
    const after = transition(before, PAID, NOW);
    expect(after).toBe(before);
    expect(after.state).toEqual({ status: 'failed', failure });
  });

  it('paid_after_cancel is itself final: a second paid does not move it', () => {
    const once = transition(payment({ status: 'cancelled' }), PAID, NOW);
    const twice = transition(once, status({ kind: 'paid', paidAt: T0 + 9_000 }), NOW + 1);
    expect(twice).toBe(once);
  });

  it('a notice is never set on a final payment', () => {
    const before = payment({ status: 'paid', paidAt: T0 });
    expect(transition(before, { type: 'notice', message: 'No connection' }, NOW)).toBe(before);
  });
});

describe('transition: notice', () => {
  it('sets and clears a notice, stamping updatedAt', () => {
    const before = payment({ status: 'awaiting' });
    const set = transition(before, { type: 'notice', message: 'No connection' }, NOW);
    expect(set.notice).toBe('No connection');
    expect(set.state).toEqual({ status: 'awaiting' });
    expect(set.updatedAt).toBe(NOW);
    const cleared = transition(set, { type: 'notice', message: null }, NOW + 7);
    expect(cleared.notice).toBeNull();
    expect(cleared.updatedAt).toBe(NOW + 7);
  });

  it('the same notice again returns the same object', () => {
    const before = payment({ status: 'awaiting' }, { notice: 'No connection' });
    expect(transition(before, { type: 'notice', message: 'No connection' }, NOW)).toBe(before);
    const clean = payment({ status: 'awaiting' });
    expect(transition(clean, { type: 'notice', message: null }, NOW)).toBe(clean);
  });
});

describe('transition: purity', () => {
  it('uses `now` for updatedAt and never touches createdAt or the input', () => {
    const before = payment({ status: 'awaiting' });
    const snapshot = structuredClone(before);
    const after = transition(before, PAID, 42);
    expect(after.updatedAt).toBe(42);
    expect(after.createdAt).toBe(T0);
    expect(before).toEqual(snapshot);
  });

  it('keeps id, amount, method and orderRef through every change', () => {
    let p = payment({ status: 'creating' }, { orderRef: 'A-17' });
    for (const e of [{ type: 'created', created } as const, UNKNOWN, PENDING, { type: 'cancel_requested' } as const, CANCELLED, PAID]) {
      p = transition(p, e, NOW);
      expect(p.id).toBe('pay_1');
      expect(p.amount).toEqual({ minor: 1234, currency: 'SGD' });
      expect(p.method).toBe('demo');
      expect(p.orderRef).toBe('A-17');
    }
    expect(p.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 4_000 });
  });
});

describe('partial, overpaid, late and refunded payments', () => {
  const sgd = (minor: number) => ({ minor, currency: 'SGD' as const });
  const PARTIAL = status({ kind: 'partially_paid', received: sgd(600) });

  it('shows a partial payment, keeps it open, and completes it when the rest arrives', () => {
    const partly = transition(payment({ status: 'awaiting' }), PARTIAL, NOW);
    expect(partly.state).toEqual({ status: 'partially_paid', received: sgd(600) });
    expect(isFinal(partly.state)).toBe(false);
    expect(transition(partly, PARTIAL, NOW + 1)).toBe(partly);
    expect(transition(partly, PAID, NOW + 2).state).toEqual({ status: 'paid', paidAt: T0 + 4_000 });
  });

  it('lets the cashier cancel a partial payment', () => {
    const partly = transition(payment({ status: 'awaiting' }), PARTIAL, NOW);
    expect(transition(partly, { type: 'cancel_requested' }, NOW).state).toEqual({ status: 'cancelling' });
  });

  it('flags an overpayment with what arrived, and ignores a "received" equal to the amount', () => {
    const over = transition(payment({ status: 'awaiting' }), status({ kind: 'paid', paidAt: NOW, received: sgd(1500) }), NOW);
    expect(over.state).toEqual({ status: 'paid', paidAt: NOW, received: sgd(1500) });
    const exact = transition(payment({ status: 'awaiting' }), status({ kind: 'paid', paidAt: NOW, received: sgd(1234) }), NOW);
    expect(exact.state).toEqual({ status: 'paid', paidAt: NOW });
  });

  it('flags a payment that arrived after expiry', () => {
    const late = transition(payment({ status: 'awaiting' }), status({ kind: 'paid', paidAt: NOW, late: true }), NOW);
    expect(late.state).toEqual({ status: 'paid', paidAt: NOW, late: true });
  });

  it('records a partial refund on a paid payment, and a full one closes it as refunded', () => {
    const paid = payment({ status: 'paid', paidAt: T0 });
    const part = transition(paid, { type: 'refund_recorded', totalRefundedMinor: 500 }, NOW);
    expect(part).toMatchObject({ refundedMinor: 500, state: { status: 'paid' } });
    const full = transition(part, { type: 'refund_recorded', totalRefundedMinor: 1234 }, NOW);
    expect(full).toMatchObject({ refundedMinor: 1234, state: { status: 'refunded' } });
  });

  it('never records a refund on money that did not arrive, or more than was paid', () => {
    const waiting = payment({ status: 'awaiting' });
    expect(transition(waiting, { type: 'refund_recorded', totalRefundedMinor: 500 }, NOW)).toBe(waiting);
    const paid = payment({ status: 'paid', paidAt: T0 });
    expect(transition(paid, { type: 'refund_recorded', totalRefundedMinor: 99_999 }, NOW).refundedMinor).toBe(1234);
  });

  it('takes the provider\u2019s REFUND / REFUNDED statuses on a paid payment', () => {
    const paid = payment({ status: 'paid', paidAt: T0 });
    expect(transition(paid, status({ kind: 'refunded', full: false, refundedMinor: 300 }), NOW)).toMatchObject({
      refundedMinor: 300,
      state: { status: 'paid' },
    });
    expect(transition(paid, status({ kind: 'refunded', full: true, refundedMinor: null }), NOW).state).toEqual({ status: 'refunded' });
  });
});

describe('the provider trail', () => {
  const trail = { log: [{ status: 'CREATED', at: T0 }, { status: 'DONE', at: NOW }], related: [{ type: 'transaction', value: 'tx1', at: NOW }] };

  it('keeps the newest trail with the status, and leaves the payment alone when nothing changed', () => {
    const paid = transition(payment({ status: 'awaiting' }), status({ kind: 'paid', paidAt: NOW, trail }), NOW);
    expect(paid).toMatchObject({ state: { status: 'paid' }, providerTrail: trail });
    expect(transition(paid, status({ kind: 'paid', paidAt: NOW, trail }), NOW + 1)).toBe(paid);
  });

  it('updates the trail on a final payment without moving its state', () => {
    const paid = payment({ status: 'paid', paidAt: NOW });
    const after = transition(paid, status({ kind: 'pending', trail }), NOW + 1);
    expect(after.state).toEqual({ status: 'paid', paidAt: NOW });
    expect(after.providerTrail).toEqual(trail);
  });
});

describe('money that arrived is never closed as "not paid"', () => {
  const sgd = (minor: number) => ({ minor, currency: 'SGD' as const });
  const SENTENCE = 'Part of SGD 12.34 has already arrived (amount not reported by Orangepill): the request was not cancelled.';
  const LEFT_OPEN: PaymentEvent = { type: 'left_open', received: null, message: SENTENCE };

  it('a cancel that found money leaves the payment partly paid, with the sentence, which holds while the amount does', () => {
    const open = transition(payment({ status: 'cancelling' }), LEFT_OPEN, NOW);
    expect(open.state).toEqual({ status: 'partially_paid', received: null, leftOpen: SENTENCE });
    expect(transition(open, status({ kind: 'partially_paid', received: null }), NOW + 1)).toBe(open);
    expect(transition(open, status({ kind: 'partially_paid', received: sgd(600) }), NOW + 1).state).toEqual({ status: 'partially_paid', received: sgd(600) });
  });

  it('part arriving while cancelling is taken: the cancel will not close it', () => {
    const after = transition(payment({ status: 'cancelling' }), status({ kind: 'partially_paid', received: null }), NOW);
    expect(after.state).toEqual({ status: 'partially_paid', received: null });
  });

  it('a partly paid payment closed at the provider needs attention, never cancelled or expired', () => {
    for (const closed of [CANCELLED, EXPIRED]) {
      const after = transition(payment({ status: 'partially_paid', received: null }), closed, NOW);
      expect(after.state.status, label(closed)).toBe('needs_attention');
    }
  });

  it('a close whose outcome the provider hid needs attention, from cancelling too', () => {
    for (const from of [{ status: 'cancelling' }, { status: 'awaiting' }, { status: 'partially_paid', received: null }] as const) {
      const after = transition(payment(from), { type: 'cancel_unresolved', reason: 'Orangepill answered 404 after the DELETE' }, NOW);
      expect(after.state, from.status).toEqual({ status: 'needs_attention', reason: 'Orangepill answered 404 after the DELETE' });
    }
  });

  it('keeps the overpaid flag, with or without an amount', () => {
    const flagged = transition(payment({ status: 'awaiting' }), status({ kind: 'paid', paidAt: NOW, overpaid: true }), NOW);
    expect(flagged.state).toEqual({ status: 'paid', paidAt: NOW, overpaid: true });
  });
});
