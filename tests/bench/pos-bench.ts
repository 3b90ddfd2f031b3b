import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import type { Checkout, CheckoutStatus } from '../../app/pos-api/checkout-schemas';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { CONTROL_HEADER } from '../../electron/simulators/control-gate';
import { freePort } from '../support/free-port';
import { simulatorOf, WARM_UP_SALES } from './display-bench';
import { benchPosLoad } from './pos-load';
import { endPosSale, newTill, posSale, watchEvents, type Till } from './pos-till';
import { row, type BenchRow } from './stats';
import { SELECTORS, startWebCounter, type WebCounter } from './web-counter';

/**
 * Issue 21's rows: a till on the same machine drives the counter through the POS API (settings
 * posApi, loopback). Same counter as display-bench (real service and web host in this process, both
 * pages in Chromium), same clock (this process's performance.now()) and the same "painted" end point.
 */

/** From just before the till's POST /v1/checkouts until the display has painted the QR; each sale then cancelled by the till. */
/** At most ten sales a second from one till: each makes two requests (create, cancel). */
const SALE_PACE_MS = 110;

async function createToQrPainted(counter: WebCounter, till: Till, payments: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -WARM_UP_SALES; i < payments; i++) {
    const began = performance.now();
    const { painted } = await counter.armPaint(SELECTORS.qr);
    const start = performance.now();
    const [at, checkout] = await Promise.all([painted, posSale(till, i, 'demo')]);
    if (i >= 0) samples.push(at - start);
    if (checkout.status !== 'awaiting_customer') throw new Error(`the checkout is ${checkout.status}, not awaiting_customer`);
    await endPosSale(counter, till, checkout, true);
    // Two requests a sale: paced under the API's 20 requests a second per key, outside the timed span,
    // so the figure is the create's latency and never a wait for the rate limit.
    await sleep(Math.max(0, SALE_PACE_MS - (performance.now() - began)));
  }
  return samples;
}

/** A till polling GET /v1/checkouts/{id} every `everyMs`, at a random phase: resolves to performance.now() when it reads `status`. */
async function pollUntil(till: Till, id: string, status: CheckoutStatus, everyMs: number): Promise<number> {
  await sleep(Math.random() * everyMs);
  for (let tries = 0; tries < 60; tries++) {
    const asked = performance.now();
    const read = await till.get(id);
    if (read.status === status) return performance.now();
    await sleep(Math.max(0, everyMs - (performance.now() - asked)));
  }
  throw new Error(`GET never showed ${id} ${status}`);
}

/**
 * The customer pays at a random moment after the QR shows (Atome, through the Opn simulator, whose
 * charge.complete webhook makes the terminal re-check at once). From the flip until the paid event
 * reaches the till over its open SSE stream; and, on the same flip, until a till polling GET every
 * 250 ms reads paid.
 */
async function paidToPos(counter: WebCounter, api: string, till: Till, payments: number, pollMs: number): Promise<{ sse: number[]; get: number[] }> {
  const simulator = simulatorOf(counter, 'atome');
  const events = watchEvents(api, till.key);
  const sse: number[] = [];
  const get: number[] = [];
  try {
    for (let i = 0; i < payments; i++) {
      const checkout: Checkout = await posSale(till, i, 'atome');
      if (checkout.provider.providerRef === null) throw new Error('the checkout has no provider reference');
      await counter.waitDisplay(SELECTORS.qr);
      await events.arrival(checkout.id, 'awaiting_customer'); // the stream is live
      await sleep(Math.random() * DEFAULT_SETTINGS.payment.pollIntervalMs);
      const start = performance.now();
      const polled = pollUntil(till, checkout.id, 'paid', pollMs);
      const flipped = simulator.simulate(checkout.provider.providerRef, 'paid');
      if (!flipped.ok) throw new Error(flipped.error);
      sse.push((await events.arrival(checkout.id, 'paid')) - start);
      get.push((await polled) - start);
      await endPosSale(counter, till, checkout, false);
    }
  } finally {
    events.close();
  }
  return { sse, get };
}

/** Opn's webhook endpoint, set in its (simulated) dashboard, pointed at the terminal's webhook server. */
async function pointOpnWebhook(counter: WebCounter, base: string): Promise<void> {
  const opn = simulatorOf(counter, 'atome');
  const set = await fetch(`${opn.baseUrl}/__control/webhook`, {
    method: 'POST',
    headers: opn.controlToken === null ? {} : { [CONTROL_HEADER]: opn.controlToken },
    body: JSON.stringify({ url: `${base}/webhooks/opn` }),
  });
  if (!set.ok) throw new Error(`the Opn simulator refused the webhook endpoint: HTTP ${set.status}`);
}

interface PosCounter {
  readonly counter: WebCounter;
  readonly api: string;
  readonly till: Till;
}

/** The counter with the POS API on (its events module with it, as the service mounts it), Opn's webhook pointed at it, and a till. */
async function startPosCounter(browser: Browser, port: number): Promise<PosCounter> {
  const counter = await startWebCounter(browser, { demo: { latencyMs: 0 }, webhooks: { port }, posApi: { enabled: true, port: 0 } });
  try {
    const api = counter.service.posApi.url;
    if (api === null) throw new Error(`the POS API is not listening: ${counter.service.posApi.problem ?? 'no reason given'}`);
    await pointOpnWebhook(counter, `http://127.0.0.1:${port}`);
    return { counter, api, till: await newTill(counter, api, 'Bench till') };
  } catch (error) {
    await counter.close();
    throw error;
  }
}

export async function benchPos(browser: Browser, quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  const payments = quick ? 10 : 100;
  const paidRuns = quick ? 10 : 50;
  const pollMs = 250;
  const { counter, api, till } = await startPosCounter(browser, await freePort());
  try {
    step(`POS create → QR painted (${payments} payments)`);
    const qr = row(
      'POS create → QR painted on the display page',
      'ms',
      await createToQrPainted(counter, till, payments),
      50,
      `POST /v1/checkouts over loopback (demo method), web mode, Chromium, simulator at 0 ms, ${payments} payments after ${WARM_UP_SALES} warm-up; target: as a keyed charge`,
    );
    step(`paid at provider → event at the POS (${paidRuns} payments)`);
    const paid = await paidToPos(counter, api, till, paidRuns, pollMs);
    const via = `Atome, Opn charge.complete webhook, polling on (default ${DEFAULT_SETTINGS.payment.pollIntervalMs} ms), flip at a random moment, simulator at 0 ms, ${paidRuns} payments`;
    const rows = [
      row('paid at provider → checkout.updated "paid" at the POS, SSE', 'ms', paid.sse, 150, `GET /v1/events read by the reference client (tools/pos-client); ${via}`),
      row(
        'paid at provider → GET /v1/checkouts/{id} shows paid, till polling',
        'ms',
        paid.get,
        150 + pollMs,
        `GET every ${pollMs} ms at a random phase, on the same flips; ${via}; target: the SSE row's + one poll interval`,
      ),
    ];
    return [qr, ...rows, ...(await benchPosLoad(counter, api, quick, step))];
  } finally {
    await counter.close();
  }
}
