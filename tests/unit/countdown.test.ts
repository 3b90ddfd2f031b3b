import { describe, expect, it } from 'vitest';
import { formatCountdown, msLeft, secondsLeft } from '../../app/payment/countdown';

const T = 1_750_000_000_000;

// One formatter serves the customer display, the cashier screen and the pole display.
describe('the QR countdown', () => {
  it('reads m:ss under an hour and h:mm:ss up to the 12 hours Opn allows', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(120)).toBe('2:00');
    expect(formatCountdown(119)).toBe('1:59');
    expect(formatCountdown(3599)).toBe('59:59');
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(12 * 3600)).toBe('12:00:00');
  });

  it('rounds up, so 0:00 shows only once the time is really up, and never goes below zero', () => {
    expect(formatCountdown(secondsLeft(T + 120_000, T + 1))).toBe('2:00');
    expect(formatCountdown(secondsLeft(T + 120_000, T + 119_999))).toBe('0:01');
    expect(formatCountdown(secondsLeft(T, T + 5_000))).toBe('0:00');
    expect(msLeft(T + 1_500, T)).toBe(1_500);
    expect(msLeft(T, T + 5_000)).toBe(0);
  });
});
