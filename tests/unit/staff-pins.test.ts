import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffPin } from '../../app/staff/staff';
import { createPinAttempts, FREE_WRONG_PINS, waitWords } from '../../electron/service/staff/pin-attempts';
import { hashPin, pinHashSchema, verifyPin } from '../../electron/service/staff/pin-hash';
import { createAuthorizer } from '../../electron/service/staff/authorize';
import { createStaffService } from '../../electron/service/staff/staff-service';
import { worded } from '../support/said-english';

describe('staff PINs', () => {
  it('are 4 to 8 digits', () => {
    for (const good of ['0000', '1234', '12345678']) expect(staffPin.safeParse(good).success).toBe(true);
    for (const bad of ['123', '123456789', '12a4', ' 1234', '１２３４', '', '12.4']) expect(staffPin.safeParse(bad).success).toBe(false);
  });

  it('are kept only as a salted scrypt hash that verifies the PIN and nothing else', async () => {
    const first = await hashPin('2468');
    const second = await hashPin('2468');
    expect(pinHashSchema.safeParse(first).success).toBe(true);
    expect(first.algorithm).toBe('scrypt');
    expect(first.N).toBeGreaterThanOrEqual(2 ** 15);
    // A fresh salt each time: the same PIN never gives the same stored value.
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(JSON.stringify(first)).not.toContain('2468');
    expect(await verifyPin('2468', first)).toBe(true);
    expect(await verifyPin('2469', first)).toBe(false);
    expect(await verifyPin('24680', first)).toBe(false);
  });
});

describe('wrong PIN attempts', () => {
  it('let a cashier mistype twice, then make each wrong PIN wait twice as long as the last', () => {
    let now = 0;
    const attempts = createPinAttempts({ now: () => now });
    const waits: number[] = [];
    for (let i = 0; i < FREE_WRONG_PINS + 5; i++) {
      expect(attempts.check('mei')).toEqual({ allowed: true });
      const wait = attempts.failed('mei');
      waits.push(wait);
      if (wait > 0) {
        expect(attempts.check('mei')).toEqual({ allowed: false, waitMs: wait });
        now += wait;
      }
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000]);
    // Another person is not held up by Mei's mistakes; a right PIN clears hers.
    expect(attempts.check('ali')).toEqual({ allowed: true });
    attempts.succeeded('mei');
    expect(attempts.failed('mei')).toBe(0);
  });

  it('never wait more than five minutes', () => {
    let now = 0;
    const attempts = createPinAttempts({ now: () => now });
    let wait = 0;
    for (let i = 0; i < 40; i++) {
      wait = attempts.failed('guesser');
      now += wait;
    }
    expect(wait).toBe(5 * 60 * 1000);
  });

  it('say how long to wait in words', () => {
    expect(waitWords(999)).toBe('1 s');
    expect(waitWords(8000)).toBe('8 s');
    expect(waitWords(120_000)).toBe('2 min');
  });
});

describe('a damaged staff list', () => {
  it('keeps the counter selling but refuses every manager action, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-damaged-'));
    try {
      const file = join(dir, 'staff.json');
      writeFileSync(file, '{"version":1,"staff":[{"id":"mei"', { mode: 0o600 });
      const staff = createStaffService({ file, clock: { now: () => 0 } });
      expect(staff.protected()).toBe(false);
      expect(staff.problem()?.message).toBe(`${file} is damaged (not valid JSON): the staff list cannot be read, so refunds, closing the day and settings are refused until it is restored from a backup (or deleted, to start again without staff).`);
      const authorize = createAuthorizer(staff, { currency: () => 'SGD', locale: () => 'en-SG' });
      const request = { approval: null, role: 'cashier' as const, screen: null };
      expect(await authorize({ ...request, command: 'charge', args: {} })).toMatchObject({ ok: true });
      const refused = await authorize({ ...request, command: 'closeDay', args: {} });
      expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: staff.problem()?.message, said: { area: 'staff', kind: 'staff_file_damaged', file, problem: 'not_json' } } });
      expect(refused.ok ? null : worded(refused.error.said)).toBe(staff.problem()?.message);
      expect(await authorize({ ...request, command: 'refund', args: { paymentId: 'x', amount: { minor: 1, currency: 'SGD' } } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
