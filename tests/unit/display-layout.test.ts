import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { cueForChange, cueForStatus } from '../../renderer/cashier/shared/sound-cue';
import { amountFitCqi, COUNTDOWN_FROM_MS, countdownVisible, holdKey, PAID_HOLD_MS, returnsToIdle } from '../../renderer/display/display-layout';
import { aPayment } from '../support/payment-fixture';

const payment = (id: string, state: PaymentState): Payment => aPayment({ id, state });

describe('customer display layout rules', () => {
  it('shows the countdown only in the last two minutes', () => {
    expect(COUNTDOWN_FROM_MS).toBe(120_000);
    expect(countdownVisible(10 * 60_000)).toBe(false);
    expect(countdownVisible(120_001)).toBe(false);
    expect(countdownVisible(120_000)).toBe(true);
    expect(countdownVisible(0)).toBe(true);
    expect(countdownVisible(50_000, 30_000)).toBe(false);
  });

  it('returns to idle after paid (and refunded), never after a state the customer must act on', () => {
    expect(PAID_HOLD_MS).toBeGreaterThanOrEqual(3000);
    expect(PAID_HOLD_MS).toBeLessThanOrEqual(8000);
    for (const status of ['paid', 'paid_after_cancel', 'refunded'] as const) expect(returnsToIdle(status)).toBe(true);
    for (const status of ['creating', 'awaiting', 'cancelling', 'unknown', 'needs_attention', 'partially_paid', 'failed', 'expired', 'cancelled'] as const) {
      expect(returnsToIdle(status)).toBe(false);
    }
  });

  it('keys the hold by payment and status, so a re-sent snapshot does not restart it', () => {
    const paid = payment('p1', { status: 'paid', paidAt: 1 });
    expect(holdKey(paid)).toBe('p1:paid');
    expect(holdKey(payment('p1', { status: 'paid', paidAt: 1 }))).toBe(holdKey(paid));
    expect(holdKey(payment('p1', { status: 'refunded' }))).toBe('p1:refunded');
    expect(holdKey(payment('p1', { status: 'awaiting' }))).toBeNull();
    expect(holdKey(null)).toBeNull();
  });
});

describe('the amount fits its column on one line', () => {
  it('sizes a short amount large and a long one smaller, never past the column', () => {
    const short = amountFitCqi('SGD 5.00');
    const long = amountFitCqi('SGD 9,999,999.99');
    // A short amount takes a big share of the column: it uses the width the landscape layout gives it.
    expect(short).toBeGreaterThan(12);
    expect(long).toBeLessThan(short);
    // At the guessed size (in em of the column's width) the text stays inside the column, even in a wide font.
    for (const text of ['SGD 5.00', 'MYR 1,234.56', 'SGD 9,999,999.99', 'JPY 1,234', 'RM 12.50']) {
      expect(amountFitCqi(text) * text.length * 0.6).toBeLessThan(100);
    }
    expect(amountFitCqi('')).toBe(0);
  });

  it('counts full-width characters wider than Latin ones', () => {
    expect(amountFitCqi('¥1,234元')).toBeLessThan(amountFitCqi('¥1,234A'));
  });
});

describe('cashier sound cues', () => {
  const awaiting = payment('p1', { status: 'awaiting' });

  it('plays paid and failed tones, distinct, and none for a cancel', () => {
    expect(cueForStatus('paid')).toBe('paid');
    expect(cueForStatus('failed')).toBe('failed');
    expect(cueForStatus('expired')).toBe('failed');
    expect(cueForStatus('cancelled')).toBeNull();
    expect(cueForStatus('awaiting')).toBeNull();
  });

  it('plays once, on the transition the cashier watched', () => {
    const paid = payment('p1', { status: 'paid', paidAt: 1 });
    expect(cueForChange(awaiting, paid)).toBe('paid');
    expect(cueForChange(paid, payment('p1', { status: 'paid', paidAt: 1 }))).toBeNull();
    expect(cueForChange(awaiting, payment('p1', { status: 'failed', failure: { code: 'x', message: 'x' } } as unknown as PaymentState))).toBe('failed');
    // First seen already final (a reload or a reconnect): nothing just happened, so nothing plays.
    expect(cueForChange(null, paid)).toBeNull();
    expect(cueForChange(payment('p0', { status: 'awaiting' }), paid)).toBeNull();
  });
});
