import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/service/logging/logger';
import { createDisplayPairing } from '../../electron/service/pairing/display-pairing';
import { createPairingRequests, DEFAULT_PAIRING_LIMITS } from '../../electron/service/pairing/pairing-requests';
import { createHostTokens, isLoopback } from '../../electron/web/host-tokens';

/** Pairing's bounds by the clock, which a test moves instead of waiting. */

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};
const keep = () => true;

describe('pairing requests', () => {
  it('refuses a code typed after it expired, even while its display is still there', () => {
    const c = clock();
    const requests = createPairingRequests(DEFAULT_PAIRING_LIMITS, c.now);
    const opened = requests.open('10.0.0.5', keep);
    if (!opened.ok) throw new Error(opened.error.message);
    c.advance(DEFAULT_PAIRING_LIMITS.codeTtlMs);
    expect(requests.take(opened.value.code)).toMatchObject({ ok: false, error: { message: `The code ${opened.value.code} has expired: the display shows a new one, type that` } });
  });

  it('lets the address ask again once its minute has passed, and approving again once wrong codes age out', () => {
    const c = clock();
    const requests = createPairingRequests({ ...DEFAULT_PAIRING_LIMITS, requestsPerSourcePerMinute: 1, wrongCodes: 2 }, c.now);
    const first = requests.open('10.0.0.5', keep);
    if (!first.ok) throw new Error(first.error.message);
    first.value.cancel();
    expect(requests.open('10.0.0.5', keep)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Too many pairing requests/) as unknown, why: 'too_many_requests' } });
    // Another address is not held back by this one.
    expect(requests.open('10.0.0.6', keep)).toMatchObject({ ok: true });
    c.advance(60_001);
    const again = requests.open('10.0.0.5', keep);
    if (!again.ok) throw new Error(again.error.message);
    const wrong = again.value.code === '000000' ? '000001' : '000000';
    requests.take(wrong);
    requests.take(wrong);
    expect(requests.take(again.value.code)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Too many wrong pairing codes/) as unknown } });
    c.advance(DEFAULT_PAIRING_LIMITS.wrongCodeWindowMs);
    // The lock has lifted: the answer is about the code itself now, which died meanwhile.
    expect(requests.take(again.value.code)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/has expired/) as unknown } });
  });
});

describe('which tokens the host accepts from where', () => {
  it('opens the cashier with the kiosk link from this machine only', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'host-tokens-'));
    try {
      const pairing = createDisplayPairing({ dataDir, now: Date.now, log: createLogger(() => undefined) });
      const token = pairing.makeCashierLink(false) ?? '';
      const tokens = createHostTokens(pairing);
      for (const local of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1']) expect(tokens.grantFor(token, local)).toEqual({ role: 'cashier', displayId: null });
      for (const remote of ['192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', undefined]) expect(tokens.grantFor(token, remote)).toBeNull();
      expect(tokens.grantFor(`${token}x`, '127.0.0.1')).toBeNull();
      expect(tokens.grantFor(tokens.launchToken('display'), '192.168.1.20')).toEqual({ role: 'display', displayId: null });
      // Without pairing, only the launch tokens: the old behaviour.
      expect(createHostTokens(undefined).grantFor(token, '127.0.0.1')).toBeNull();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('1127.0.0.1')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false);
  });
});
