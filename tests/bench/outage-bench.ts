import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextPollDelay, type PollPolicy } from '../../app/engine/poll-policy';
import type { Payment } from '../../app/payment/payment';
import type { ProviderError } from '../../app/providers/provider';
import { DEFAULT_SETTINGS, settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService } from '../../electron/service/terminal/terminal-service';
import type { Fault } from '../../electron/simulators/faults';
import { row, type BenchRow } from './stats';

/**
 * Status requests during a provider outage, counted at the simulator, against what the backoff
 * schedule allows. The real terminal service (engine, demo client, SQLite journal) follows one
 * pending payment; the demo simulator then fails every request for a while — answering 503, or
 * cutting the connection before any answer — and records when each request arrived.
 *
 * What the schedule allows is worked out from the real policy (app/engine/poll-policy.ts) at its
 * defaults with the jitter at its shortest: after the n-th failure in a row the terminal waits at
 * least max(interval, ½ · min(ceiling, base · 2ⁿ⁻¹)), and never less than a Retry-After. The most
 * requests a window of W ms can hold is then one at its very start and one after each shortest wait
 * that still fits. Extra = counted − allowed (0 when fewer came), or the number of waits shorter than
 * the schedule's, whichever is more.
 */

const POLICY: PollPolicy = {
  intervalMs: DEFAULT_SETTINGS.payment.pollIntervalMs,
  expiryGraceMs: DEFAULT_SETTINGS.payment.expiryGraceSeconds * 1000,
  backoffBaseMs: DEFAULT_SETTINGS.payment.backoffBaseMs,
  backoffMaxMs: DEFAULT_SETTINGS.payment.backoffMaxMs,
};
/** No Retry-After in either outage, so the wait is the backoff alone. */
const NO_RETRY_AFTER: ProviderError = { kind: 'server', message: 'outage', ambiguous: false };
/** Arrival times are taken at the simulator; the terminal's timer starts only after the answer, so 1 ms covers rounding. */
const TOLERANCE_MS = 1;

/** The schedule's shortest wait after `failures` failures in a row. */
const shortestWait = (failures: number): number => nextPollDelay(POLICY, failures, NO_RETRY_AFTER, () => 0);

/** The most requests the schedule lets into a window of `windowMs`. */
export function scheduleAllows(windowMs: number): number {
  let at = 0;
  let requests = 1;
  while (at + shortestWait(requests) <= windowMs) at += shortestWait(requests++);
  return requests;
}

interface OutageRun {
  readonly counted: number;
  readonly allowed: number;
  /** Waits between two failed requests shorter than the schedule allows. */
  readonly tooSoon: number;
  readonly gapsS: readonly string[];
}

async function outage(fault: Fault, windowMs: number): Promise<OutageRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-outage-'));
  const service = await createTerminalService({
    settings: settingsSchema.parse({ demo: { methods: ['demo'] } }),
    log: createLogger(() => undefined),
    dataDir,
  });
  try {
    const simulator = service.simulators.get('demo');
    if (simulator === undefined) throw new Error('the terminal runs no demo simulator');
    const charged = await service.dispatch('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo' }, 'cashier');
    if (!charged.ok) throw new Error(charged.error.message);
    const payment = charged.value as Payment;
    if (payment.state.status !== 'awaiting') throw new Error(`the charge is ${payment.state.status}, not awaiting`);
    // A few normal polls first, so the outage starts at an arbitrary phase of the 1 s pace.
    await sleep(2500 + Math.random() * POLICY.intervalMs);
    const start = performance.now();
    const running = simulator.faults.startOutage({ fault });
    await sleep(windowMs);
    running.end();
    const window = performance.now() - start;
    const hits = [...running.hits];
    let tooSoon = 0;
    const gaps: number[] = [];
    for (let i = 1; i < hits.length; i++) {
      const gap = (hits[i] ?? 0) - (hits[i - 1] ?? 0);
      gaps.push(gap);
      if (gap < shortestWait(i) - TOLERANCE_MS) tooSoon += 1;
    }
    const cancel = await service.dispatch('cancel', { paymentId: payment.id }, 'cashier');
    if (!cancel.ok) throw new Error(cancel.error.message);
    return { counted: hits.length, allowed: scheduleAllows(window), tooSoon, gapsS: gaps.map((g) => (g / 1000).toFixed(1)) };
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchOutage(quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  const windowMs = quick ? 15_000 : 60_000;
  step(`status requests during a ${windowMs / 1000} s outage (503 and reset, side by side)`);
  // Two terminals, each with its own simulator, side by side: each mostly waits, so neither slows the other.
  const [failing, unreachable] = await Promise.all([
    outage({ kind: 'status', status: 503 }, windowMs),
    outage({ kind: 'reset' }, windowMs),
  ]);
  const policy = `default policy (${POLICY.intervalMs} ms, backoff ${POLICY.backoffBaseMs / 1000}–${POLICY.backoffMaxMs / 1000} s with jitter)`;
  const result = (figure: string, run: OutageRun, how: string): BenchRow =>
    row(
      figure,
      'req',
      [Math.max(0, run.counted - run.allowed, run.tooSoon)],
      0,
      `${how} for ${windowMs / 1000} s: ${run.counted} requests counted, the schedule allows ${run.allowed}, ${run.tooSoon} sooner than it; waits ${run.gapsS.join(', ')} s; ${policy}`,
    );
  return [
    result('status requests during an outage beyond the backoff schedule: provider failing', failing, 'demo simulator answers 503'),
    result('status requests during an outage beyond the backoff schedule: provider unreachable', unreachable, 'demo simulator cuts every connection'),
  ];
}
