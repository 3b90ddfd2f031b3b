import { describe, expect, it } from 'vitest';
import { formatCountdown, msUntilNextSecond, secondsLeft } from '../../app/payment/countdown';
import { compactDecimal, fitAmount } from '../../app/pole-display/fit-amount';
import { layoutPoleScreen, poleTestScreen } from '../../app/pole-display/layout';
import { transliterate } from '../../app/pole-display/transliterate';
import type { Payment } from '../../app/payment/payment';
import { POLE_T0, polePayment } from '../support/pole-payments';

const WELCOME = ['Welcome to', 'Café Ümlaut'] as const;

function layout(payment: Payment | null, now = POLE_T0, methodLabel = 'Atome'): readonly [string, string] {
  const screen = layoutPoleScreen({ payment, now, welcome: WELCOME, methodLabel });
  return [screen.top, screen.bottom];
}

describe('pole layout', () => {
  it('centres the transliterated welcome when idle', () => {
    expect(layout(null)).toEqual(['     Welcome to     ', '    Cafe Umlaut     ']);
  });

  it('shows the amount due with the currency code, right-aligned, and the scan hint with the time left', () => {
    expect(layout(polePayment({ status: 'awaiting' }))).toEqual(['TOTAL      SGD 12.34', 'Scan: Atome     5:00']);
    expect(layout(polePayment({ status: 'awaiting' }), POLE_T0 + 1)).toEqual(['TOTAL      SGD 12.34', 'Scan: Atome     5:00']);
    expect(layout(polePayment({ status: 'awaiting' }), POLE_T0 + 1000)).toEqual(['TOTAL      SGD 12.34', 'Scan: Atome     4:59']);
    expect(layout(polePayment({ status: 'awaiting' }), POLE_T0 + 299_001)[1]).toBe('Scan: Atome     0:01');
  });

  it('takes the scan hint down once the QR has run out, whatever the provider says meanwhile', () => {
    const expired = ['  QR code expired   ', ' Please see cashier '];
    expect(layout(polePayment({ status: 'awaiting' }), POLE_T0 + 300_000)).toEqual(expired);
    expect(layout({ ...polePayment({ status: 'awaiting' }), notice: 'No connection to Opn - retrying' }, POLE_T0 + 400_000)).toEqual(expired);
    // Part paid, the rest not asked for any more: the cashier settles it.
    const part = polePayment({ status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } });
    expect(layout(part, POLE_T0 + 299_999)).toEqual(['STILL DUE   SGD 2.34', 'PAID       SGD 10.00']);
    expect(layout(part, POLE_T0 + 300_000)).toEqual(['    Partly paid     ', ' Please see cashier ']);
    // A result that came is shown as it is, expired QR or not.
    expect(layout(polePayment({ status: 'paid', paidAt: POLE_T0 }), POLE_T0 + 400_000)[0]).toBe('     Thank you!     ');
  });

  it('keeps the exact decimals of each currency', () => {
    expect(layout(polePayment({ status: 'awaiting' }, { minor: 500, currency: 'JPY' }))[0]).toBe('TOTAL        JPY 500');
    expect(layout(polePayment({ status: 'awaiting' }, { minor: 1234, currency: 'BHD' }))[0]).toBe('TOTAL      BHD 1.234');
  });

  it('lets a long method label give way to the countdown, and omits the time when there is no expiry', () => {
    const long = layout(polePayment({ status: 'awaiting' }), POLE_T0, 'Orangepill Wallet Pay');
    expect(long[1]).toBe('Scan: Orangepil 5:00');
    expect(layout(polePayment({ status: 'awaiting' }, { expiresAt: null }))[1]).toBe('Scan: Atome         ');
    expect(layout(polePayment({ status: 'awaiting' }, { expiresAt: POLE_T0 + 2 * 3600_000 }))[1]).toBe('Scan: Atome  2:00:00');
  });

  it('has a screen for every other status', () => {
    const total = 'TOTAL      SGD 12.34';
    expect(layout(polePayment({ status: 'creating' }))).toEqual([total, '    Please wait     ']);
    expect(layout(polePayment({ status: 'cancelling' }))).toEqual([total, '     Cancelling     ']);
    expect(layout(polePayment({ status: 'unknown', providerStatus: 'WEIRD' }))).toEqual([total, '  Checking payment  ']);
    expect(layout(polePayment({ status: 'paid', paidAt: POLE_T0 }))).toEqual(['     Thank you!     ', 'PAID       SGD 12.34']);
    expect(layout(polePayment({ status: 'expired' }))).toEqual(['  Payment expired   ', '    Time ran out    ']);
    expect(layout(polePayment({ status: 'cancelled' }))).toEqual([' Payment cancelled  ', ' '.repeat(20)]);
    expect(layout(polePayment({ status: 'refunded' }))).toEqual(['  Payment refunded  ', 'REFUND     SGD 12.34']);
    expect(layout(polePayment({ status: 'paid_after_cancel', paidAt: POLE_T0 }))).toEqual([
      '  Payment received  ',
      ' Please see cashier ',
    ]);
  });

  it('shows the amount still outstanding when partly paid', () => {
    const state = { status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } } as const;
    expect(layout(polePayment(state))).toEqual(['STILL DUE   SGD 2.34', 'PAID       SGD 10.00']);
  });

  it('never asks for the whole total again when part arrived and nobody said how much', () => {
    const state = { status: 'partially_paid', received: null } as const;
    expect(layout(polePayment(state))).toEqual(['    Partly paid     ', ' Please see cashier ']);
  });

  it('shows a failure reason only when it fits whole', () => {
    const short = { status: 'failed', failure: { code: 'insufficient_fund', message: 'Insufficient funds' } } as const;
    const long = { status: 'failed', failure: { code: 'x', message: 'The payment was declined by the issuing bank' } } as const;
    expect(layout(polePayment(short))).toEqual(['   Payment failed   ', ' Insufficient funds ']);
    expect(layout(polePayment(long))[1]).toBe(' Please see cashier ');
  });

  it('makes every line exactly 20 printable ASCII characters', () => {
    const screen = layoutPoleScreen({ payment: null, now: POLE_T0, welcome: ['支付 ✓ 🎉 ' + 'x'.repeat(40), ''], methodLabel: '' });
    for (const line of [screen.top, screen.bottom]) expect(line).toMatch(/^[\x20-\x7e]{20}$/);
    expect(poleTestScreen().top).toHaveLength(20);
  });
});

describe('fitting amounts', () => {
  const sgd = (minor: number) => ({ minor, currency: 'SGD' }) as const;

  it('drops the label, then the code, before shortening the number', () => {
    expect(fitAmount('TOTAL', sgd(1234))).toEqual({ text: 'TOTAL      SGD 12.34', form: 'labelled' });
    expect(fitAmount('TOTAL', sgd(99_999_999_999))).toEqual({ text: '    SGD 999999999.99', form: 'with_code' });
    expect(fitAmount('TOTAL', sgd(99_999_999_999), 14)).toEqual({ text: '  999999999.99', form: 'bare' });
    expect(fitAmount('TOTAL', sgd(123_456_789_99), 10)).toEqual({ text: 'SGD 123.4M', form: 'compact' });
    expect(fitAmount('TOTAL', sgd(123_456_789_99), 7)).toEqual({ text: '123456K', form: 'compact' });
    expect(fitAmount('TOTAL', sgd(123_456_789_99), 2)).toEqual({ text: '##', form: 'compact' });
  });

  it('compacts by truncating, never rounding up', () => {
    expect(compactDecimal('1999.99', 5)).toBe('1.99K');
    expect(compactDecimal('1999.99', 3)).toBe('1K');
    expect(compactDecimal('999.99', 9)).toBeNull();
  });
});

describe('transliteration and countdown', () => {
  it('maps accents, ligatures, fullwidth forms and punctuation to ASCII, and the rest to "?"', () => {
    expect(transliterate('Café Straße Øre “quote” – …')).toBe('Cafe Strasse Ore "quote" - ...');
    expect(transliterate('ＡＢＣ１２３')).toBe('ABC123');
    expect(transliterate('支付宝 한국 🎉')).toBe('??? ?? ?');
    expect(transliterate('a\tb\u0007')).toBe('a b?');
  });

  it('counts down in whole seconds and says when the text next changes', () => {
    expect(secondsLeft(POLE_T0 + 60_000, POLE_T0)).toBe(60);
    expect(secondsLeft(POLE_T0 + 60_000, POLE_T0 + 59_001)).toBe(1);
    expect(secondsLeft(POLE_T0, POLE_T0 + 5)).toBe(0);
    expect(formatCountdown(299)).toBe('4:59');
    expect(formatCountdown(3725)).toBe('1:02:05');
    expect(msUntilNextSecond(POLE_T0 + 60_000, POLE_T0)).toBe(1000);
    expect(msUntilNextSecond(POLE_T0 + 60_000, POLE_T0 + 250)).toBe(750);
    expect(msUntilNextSecond(POLE_T0 + 60_000, POLE_T0 + 60_000)).toBeNull();
  });
});
