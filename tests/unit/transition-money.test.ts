import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { transition } from '../../app/payment/transition';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_700_000_000_000;

function payment(state: PaymentState): Payment {
  return aPayment({
    id: 'pay_1',
    amount: { minor: 1234, currency: 'SGD' },
    method: 'orangepill',
    providerRef: 'prov_1',
    qr: { payload: 'prov_1' },
    createdAt: T0,
    updatedAt: T0,
    expiresAt: T0 + 600_000,
    state,
  });
}

describe('money that arrived: cancelled with money, returned, a late payment kept', () => {
  const partly: PaymentState = { status: 'partially_paid', received: { minor: 500, currency: 'SGD' } };
  const decision = { at: T0 + 9, by: { id: 'mei', name: 'Mei' } };

  it('ends a partly paid sale, or an undecided late one, with the money to return; nothing else', () => {
    const ended = transition(payment(partly), { type: 'cancelled_with_money', received: { minor: 500, currency: 'SGD' } }, T0 + 5);
    expect(ended.state).toEqual({ status: 'cancelled_with_money', received: { minor: 500, currency: 'SGD' } });
    const late = transition(payment({ status: 'paid', paidAt: T0, late: true }), { type: 'cancelled_with_money', received: null }, T0 + 5);
    expect(late.state).toEqual({ status: 'cancelled_with_money', received: null });
    for (const state of [{ status: 'awaiting' }, { status: 'paid', paidAt: T0 }, { status: 'paid', paidAt: T0, late: true, kept: decision }, { status: 'cancelled' }] as const) {
      const before = payment(state);
      expect(transition(before, { type: 'cancelled_with_money', received: null }, T0 + 5)).toBe(before);
    }
  });

  it('marks the money returned once, keeping who and when', () => {
    const owed = payment({ status: 'cancelled_with_money', received: null });
    const back = transition(owed, { type: 'money_returned', decision }, T0 + 9);
    expect(back.state).toEqual({ status: 'cancelled_with_money', received: null, returned: decision });
    expect(transition(back, { type: 'money_returned', decision: { at: T0 + 20, by: null } }, T0 + 20)).toBe(back);
    const other = payment({ status: 'cancelled' });
    expect(transition(other, { type: 'money_returned', decision }, T0 + 9)).toBe(other);
  });

  it('keeps a late payment once, and only a late one', () => {
    const late = payment({ status: 'paid', paidAt: T0, late: true });
    const kept = transition(late, { type: 'late_kept', decision }, T0 + 9);
    expect(kept.state).toEqual({ status: 'paid', paidAt: T0, late: true, kept: decision });
    expect(transition(kept, { type: 'late_kept', decision: { at: T0 + 20, by: null } }, T0 + 20)).toBe(kept);
    const onTime = payment({ status: 'paid', paidAt: T0 });
    expect(transition(onTime, { type: 'late_kept', decision }, T0 + 9)).toBe(onTime);
  });
});
