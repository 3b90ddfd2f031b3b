import { describe, expect, it } from 'vitest';
import { seedFromEnv } from '../faults/prng';
import { runFaultSuite } from '../faults/run';

/**
 * Fault injection: payments through the real headless host against both provider simulators, with
 * random latency, 5xx, 429, resets and commit-then-drop, and kill -9 of the host mid-payment followed
 * by a restart on the same journal. The journal must then agree with the providers' records.
 *
 * CI runs a small, fixed-seed version; `FAULT_PAYMENTS=200 npm run test:faults` runs a large one
 * (random seed unless FAULT_SEED is set; the seed is printed so a failure can be replayed).
 */
const CI_PAYMENTS = 12;
const CI_SEED = 20_240_607;

const sizeFromEnv = (): number => {
  const text = process.env['FAULT_PAYMENTS'];
  if (text === undefined || text.trim() === '') return CI_PAYMENTS;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > 1000) throw new Error(`FAULT_PAYMENTS must be a whole number from 1 to 1000, got "${text}"`);
  return n;
};

const payments = sizeFromEnv();
const large = payments !== CI_PAYMENTS || process.env['FAULT_SEED'] !== undefined;
const seed = large ? seedFromEnv() : CI_SEED;

describe('fault injection against the provider simulators', () => {
  it(
    `${payments} payments with faults and crashes leave the journal matching the providers (seed ${seed})`,
    async () => {
      console.log(`fault suite: ${payments} payments, seed ${seed} (replay with FAULT_SEED=${seed} FAULT_PAYMENTS=${payments})`);
      const progress: string[] = [];
      const result = await runFaultSuite({ payments, seed, log: (line: string) => progress.push(line) });
      // Per-payment lines only when something is wrong, to say which payments to look at.
      if (result.problems.length > 0) console.log([...progress, ...result.problems].join('\n'));
      console.log(`journal statuses: ${JSON.stringify(result.statuses)}`);
      console.log(result.line);

      expect(result.payments).toBe(payments);
      // The suite must not pass by doing nothing: faults fired and the host really was killed.
      expect(result.faults).toBeGreaterThan(0);
      expect(result.crashes).toBeGreaterThan(0);
      expect(result.duplicated).toBe(0);
      expect(result.lost).toBe(0);
      expect(result.falsePaid).toBe(0);
      expect(result.stuck).toBe(0);
    },
    // Bounded by the suite's own per-step limits; this only stops a wedged run.
    Math.max(120_000, payments * 60_000),
  );
});
