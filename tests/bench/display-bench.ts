import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import type { SimulatedProvider } from '../../electron/simulators/simulated-provider';
import { row, type BenchRow } from './stats';
import type { Browser } from 'playwright-core';
import { SELECTORS, startWebCounter, type WebCounter } from './web-counter';

/**
 * The counter's felt speed, in web mode: the real service and web host in this process, the cashier
 * and customer display pages in Chromium, the built-in demo simulator as the provider.
 *
 * One clock: every time here is this Node process's `performance.now()` (monotonic). The start is
 * taken here, just before the command is sent (or the simulator flipped); the end is taken here when
 * the display page's report of the painted frame arrives through a Playwright binding. The page's own
 * clock (performance.timeOrigin + now) is never compared with ours: the two are not the same clock.
 * The binding's trip from the page back to Node (CDP, a millisecond or so) is inside each sample,
 * so a figure can only come out slower than the truth, never faster.
 */

const QR_FIGURE = 'Charge → QR painted on the display page';
const DEMO_LATENCY_MS = 150;

/** A sale of SGD 10.00 to 99.99 (within every method's limits) by `method`, as the cashier charges it. */
export const charge = (counter: WebCounter, i: number, method: MethodId = 'demo'): Promise<Payment> =>
  counter.call<Payment>('charge', { amount: { minor: 1000 + (i % 9000), currency: 'SGD' }, method });

export function simulatorOf(counter: WebCounter, method: MethodId = 'demo'): SimulatedProvider {
  const simulator = counter.service.simulators.get(method);
  if (simulator === undefined) throw new Error(`the terminal runs no ${method} simulator`);
  return simulator;
}

/**
 * From just before the charge command goes out until the display has painted the QR: the command
 * over the WebSocket, the journal's write-ahead, the create at the simulator, the event to the page,
 * React's render (the QR's slot is measured first, then the code drawn) and the frame. Each sale is
 * then cancelled and dismissed, so the next charge starts from an idle display. The first sale after
 * the pages open is a cold start (the QR's code path compiled and first drawn in both processes, two
 * to eight times slower): it is run but not counted, so that a 10-sale --quick p95 is not that one sale.
 */
export const WARM_UP_SALES = 1;

export async function chargeToQrPainted(counter: WebCounter, payments: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -WARM_UP_SALES; i < payments; i++) {
    const { painted } = await counter.armPaint(SELECTORS.qr);
    const start = performance.now();
    const [at, payment] = await Promise.all([painted, charge(counter, i)]);
    if (i >= 0) samples.push(at - start);
    if (payment.state.status !== 'awaiting') throw new Error(`the charge is ${payment.state.status}, not awaiting`);
    await counter.endSale(payment, true);
  }
  return samples;
}

/**
 * The customer pays at a random moment: the simulator flips the payment to paid after a wait drawn
 * uniformly over `payWindowMs` from the QR showing (two poll intervals for polling), so every phase
 * of the 1 s poll is hit alike. From the flip until the display has painted "paid". With the demo
 * provider the terminal learns of it only by polling; with a webhook or callback configured, from
 * whichever comes first, the poll or the re-check the webhook asks for.
 */
export async function paidToPainted(counter: WebCounter, method: MethodId, payments: number, payWindowMs: number): Promise<number[]> {
  const simulator = simulatorOf(counter, method);
  const samples: number[] = [];
  for (let i = 0; i < payments; i++) {
    const payment = await charge(counter, i, method);
    if (payment.providerRef === null) throw new Error('the charge has no provider reference');
    await counter.waitDisplay(SELECTORS.qr);
    await sleep(Math.random() * payWindowMs);
    const { painted } = await counter.armPaint(SELECTORS.paid);
    const start = performance.now();
    const flipped = simulator.simulate(payment.providerRef, 'paid');
    if (!flipped.ok) throw new Error(flipped.error);
    samples.push((await painted) - start);
    await counter.endSale(payment, false);
  }
  return samples;
}

/**
 * Requests the terminal makes to the provider while one payment is pending, counted at the
 * simulator. The demo simulator keeps no request count of its own, but its fault injector counts
 * the faults it injects, one per matching request: a queue of zero-millisecond "latency" faults
 * matching every API request (status, cancel, anything) turns it into that counter without
 * changing any answer. The control routes the bench uses to flip payments are not counted.
 */
async function statusRequestsPerMinute(counter: WebCounter, windowMs: number): Promise<number> {
  const simulator = simulatorOf(counter);
  const payment = await charge(counter, 0);
  await counter.waitDisplay(SELECTORS.qr);
  const before = simulator.faults.injected.latency;
  for (let i = 0; i < 10_000; i++) simulator.faults.add({ fault: { kind: 'latency', ms: 0 } });
  try {
    await sleep(windowMs);
  } finally {
    simulator.faults.clear();
  }
  const counted = simulator.faults.injected.latency - before;
  await counter.endSale(payment, true);
  return (counted * 60_000) / windowMs;
}

/** The four rows issue 10 asks of the screens: Charge → QR (at 0 and 150 ms), paid → painted, requests a minute. */
export async function benchDisplay(browser: Browser, quick: boolean, step: (name: string) => void): Promise<[BenchRow, BenchRow, BenchRow, BenchRow]> {
  const payments = quick ? 10 : 100;
  const paidRuns = quick ? 5 : 30;
  const windowMs = quick ? 10_000 : 20_000;
  let qr0: BenchRow, paid: BenchRow, requests: BenchRow, qr150: BenchRow;
  const fast = await startWebCounter(browser, { demo: { latencyMs: 0 } });
  try {
    step(`Charge → QR painted, simulator at 0 ms (${payments} payments)`);
    qr0 = row(QR_FIGURE, 'ms', await chargeToQrPainted(fast, payments), 50, `web mode, Chromium, simulator at 0 ms, ${payments} payments after ${WARM_UP_SALES} warm-up`);
    step(`paid at provider → paid painted, by polling (${paidRuns} payments)`);
    const pollIntervalMs = DEFAULT_SETTINGS.payment.pollIntervalMs;
    paid = row(
      'paid at provider → paid painted on the display, by polling',
      'ms',
      await paidToPainted(fast, 'demo', paidRuns, 2 * pollIntervalMs),
      1200,
      `default policy (${pollIntervalMs} ms), flip at a random moment, simulator at 0 ms, ${paidRuns} payments`,
    );
    step(`status requests a minute of a pending payment (${windowMs / 1000} s)`);
    requests = row(
      'status requests per minute of a pending payment',
      'req/min',
      [await statusRequestsPerMinute(fast, windowMs)],
      60,
      `counted at the demo simulator over ${windowMs / 1000} s, ×${60_000 / windowMs}, default policy`,
    );
  } finally {
    await fast.close();
  }
  const slow = await startWebCounter(browser, { demo: { latencyMs: DEMO_LATENCY_MS } });
  try {
    step(`Charge → QR painted, simulator at ${DEMO_LATENCY_MS} ms (${payments} payments)`);
    qr150 = row(
      `${QR_FIGURE}, simulator at ${DEMO_LATENCY_MS} ms`,
      'ms',
      await chargeToQrPainted(slow, payments),
      DEMO_LATENCY_MS + 50,
      `web mode, Chromium, simulator at ${DEMO_LATENCY_MS} ms, ${payments} payments after ${WARM_UP_SALES} warm-up; target: 1 provider round trip (the create) + 50 ms`,
    );
  } finally {
    await slow.close();
  }
  return [qr0, qr150, paid, requests];
}
