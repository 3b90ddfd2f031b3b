import { describe, expect, it } from 'vitest';
import { createLogSampler, OTHER_SOURCES, type SampledReport } from '../../electron/service/logging/log-sampler';
import { createRateLimiter } from '../../electron/shared/http/rate-limit';
import { sourceKey } from '../../electron/shared/http/source-address';
import { ManualClock, T0 } from '../support/engine-harness';

describe('the per-address token bucket', () => {
  it('allows the burst, then refills at the rate, and says when to retry', async () => {
    const clock = new ManualClock(T0);
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20, maxSources: 10, now: () => clock.now() });
    const decisions = Array.from({ length: 25 }, () => limiter.take('203.0.113.9'));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(decisions[24]).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await clock.advance(500);
    expect(Array.from({ length: 10 }, () => limiter.take('203.0.113.9')).filter((d) => d.allowed)).toHaveLength(5);
  });

  it('remembers at most maxSources addresses, forgetting the least recently seen', () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, maxSources: 100, now: () => T0 });
    for (let i = 0; i < 10_000; i++) limiter.take(`spoofed-${String(i)}`);
    expect(limiter.size).toBe(100);
    // A source seen recently keeps its empty bucket while the flood of new ones goes on.
    limiter.take('attacker');
    for (let i = 0; i < 50; i++) limiter.take(`more-${String(i)}`);
    expect(limiter.take('attacker').allowed).toBe(false);
  });
});

describe('the rate-limit key of a peer address', () => {
  it('keeps IPv4 as is, unwraps IPv4-mapped IPv6, and groups IPv6 by /64', () => {
    expect(sourceKey('203.0.113.9')).toBe('203.0.113.9');
    expect(sourceKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(sourceKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
  });

  it('never returns what it cannot read as an address', () => {
    expect(sourceKey(undefined)).toBe('unknown');
    expect(sourceKey('')).toBe('unknown');
    expect(sourceKey('not an address')).toBe('unknown');
  });
});

describe('the refusal log sampler', () => {
  const sampler = (maxSources = 10) => {
    const clock = new ManualClock(T0);
    const reports: SampledReport[] = [];
    return { clock, reports, sampler: createLogSampler({ clock, intervalMs: 60_000, maxSources, report: (r) => reports.push(r) }) };
  };

  it('reports the first refusal at once, then one count per interval, and stops its timer when quiet', async () => {
    const { clock, reports, sampler: s } = sampler();
    for (let i = 0; i < 500; i++) s.note('203.0.113.9', 'rate limit');
    expect(reports).toEqual([{ source: '203.0.113.9', count: 1, seconds: 0, detail: 'rate limit', first: true }]);
    await clock.advance(60_000);
    expect(reports[1]).toEqual({ source: '203.0.113.9', count: 499, seconds: 60, detail: 'rate limit', first: false });
    await clock.advance(120_000);
    expect(reports).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts sources past its bound together, so a spread-out flood cannot grow it', () => {
    const { reports, sampler: s } = sampler(5);
    for (let i = 0; i < 1_000; i++) s.note(`198.51.100.${String(i)}`, 'rate limit');
    s.close();
    expect(reports.filter((r) => r.first)).toHaveLength(6);
    const other = reports.filter((r) => r.source === OTHER_SOURCES);
    expect(other.reduce((sum, r) => sum + r.count, 0)).toBe(995);
  });
});
