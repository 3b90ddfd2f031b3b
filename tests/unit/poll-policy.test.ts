import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_POLICY, nextPollDelay, type PollPolicy } from '../../app/engine/poll-policy';
import { isTimeout, parseJson, retryAfterMs, TIMEOUT_ERROR_NAME } from '../../app/providers/http';
import type { ProviderError } from '../../app/providers/provider';

const policy: PollPolicy = { intervalMs: 1000, expiryGraceMs: 10_000, backoffBaseMs: 1000, backoffMaxMs: 30_000 };
const netError: ProviderError = { kind: 'network', message: 'No connection', ambiguous: false };
const zero = (): number => 0;
const one = (): number => 1;
const half = (): number => 0.5;

describe('nextPollDelay', () => {
  it('has sensible defaults', () => {
    expect(DEFAULT_POLL_POLICY).toEqual({ intervalMs: 1000, expiryGraceMs: 10_000, backoffBaseMs: 1000, backoffMaxMs: 30_000 });
  });

  it('uses the normal interval with no failures', () => {
    expect(nextPollDelay(policy, 0, null, one)).toBe(1000);
    expect(nextPollDelay({ ...policy, intervalMs: 2500 }, 0, null, one)).toBe(2500);
  });

  it('uses the normal interval when there is no last error', () => {
    expect(nextPollDelay(policy, 4, null, one)).toBe(1000);
  });

  it('doubles the ceiling per failure (random()=1 gives the ceiling)', () => {
    const delays = [1, 2, 3, 4, 5].map((f) => nextPollDelay(policy, f, netError, one));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('caps at backoffMaxMs', () => {
    expect(nextPollDelay(policy, 6, netError, one)).toBe(30_000);
    expect(nextPollDelay(policy, 7, netError, one)).toBe(30_000);
    expect(nextPollDelay(policy, 40, netError, one)).toBe(30_000);
    expect(nextPollDelay(policy, 10_000, netError, one)).toBe(30_000);
  });

  it('random()=0 gives half the ceiling, but never less than the interval', () => {
    expect(nextPollDelay(policy, 1, netError, zero)).toBe(1000);
    expect(nextPollDelay(policy, 2, netError, zero)).toBe(1000);
    expect(nextPollDelay(policy, 3, netError, zero)).toBe(2000);
    expect(nextPollDelay(policy, 5, netError, zero)).toBe(8000);
    expect(nextPollDelay(policy, 40, netError, zero)).toBe(15_000);
  });

  it('random()=0.5 lands at three quarters of the ceiling', () => {
    expect(nextPollDelay(policy, 4, netError, half)).toBe(6000);
    expect(nextPollDelay(policy, 6, netError, half)).toBe(22_500);
  });

  it('stays within [ceiling/2, ceiling] for any random value', () => {
    for (let failures = 1; failures <= 12; failures++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** (failures - 1));
      for (let i = 0; i <= 20; i++) {
        const r = i / 20;
        const d = nextPollDelay(policy, failures, netError, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.max(1000, ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });

  it('never drops below a long interval during backoff', () => {
    expect(nextPollDelay({ ...policy, intervalMs: 5000 }, 1, netError, zero)).toBe(5000);
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 45_000 };
    expect(nextPollDelay(policy, 1, limited, one)).toBe(45_000);
    expect(nextPollDelay(policy, 40, limited, one)).toBe(45_000);
  });

  it('keeps the backoff when Retry-After is shorter', () => {
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 500 };
    expect(nextPollDelay(policy, 3, limited, one)).toBe(4000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2015, 9, 21, 7, 27, 30);

  it('is undefined without a header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 3 ', now)).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(30_000);
  });

  it('treats an HTTP date in the past as zero', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  it('is undefined for garbage', () => {
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('later please', now)).toBeUndefined();
    // Date.parse would read these as dates in 2001; they are neither seconds nor an HTTP-date.
    expect(retryAfterMs('1.5', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });

  it('caps what a provider can ask for at ten minutes', () => {
    expect(retryAfterMs('86400', now)).toBe(600_000);
    expect(retryAfterMs('Thu, 22 Oct 2015 07:27:30 GMT', now)).toBe(600_000);
  });
});

describe('http helpers', () => {
  it('isTimeout recognises the timeout error by name only', () => {
    expect(TIMEOUT_ERROR_NAME).toBe('TimeoutError');
    expect(isTimeout({ name: 'TimeoutError' })).toBe(true);
    expect(isTimeout(new DOMException('slow', 'TimeoutError'))).toBe(true);
    expect(isTimeout(new Error('TimeoutError'))).toBe(false);
    expect(isTimeout({ name: 'AbortError' })).toBe(false);
    expect(isTimeout(null)).toBe(false);
    expect(isTimeout('TimeoutError')).toBe(false);
  });

  it('parseJson never throws', () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('null')).toEqual({ ok: true, value: null });
    expect(parseJson('<html>')).toEqual({ ok: false });
    expect(parseJson('')).toEqual({ ok: false });
  });
});
