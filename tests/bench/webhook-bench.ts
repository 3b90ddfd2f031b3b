import type { Browser } from 'playwright-core';
import type { MethodId } from '../../app/payment/method';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { CONTROL_HEADER } from '../../electron/simulators/control-gate';
import type { WebhookRecord } from '../../electron/simulators/webhook-sender';
import { freePort } from '../support/free-port';
import { paidToPainted, simulatorOf } from './display-bench';
import { row, type BenchRow } from './stats';
import { startWebCounter, type WebCounter } from './web-counter';

/**
 * Paid at the provider → paid painted on the display, when the provider tells the terminal: Opn's
 * `charge.complete` webhook (Atome) and Orangepill's status-change callback. Both go to the terminal's
 * real webhook server (`webhooks.port`), which only makes the engine re-check the payment at once; the
 * status still comes from that check. Polling stays on at its default policy, as it always is, so a
 * sample is whichever comes first. Same clock and end point as the polling row (display-bench.ts).
 */

/** What each simulator says it delivered, to be sure the figure was not polling alone. */
const deliveries = (counter: WebCounter, method: MethodId): readonly WebhookRecord[] => {
  const simulator = simulatorOf(counter, method) as unknown as { webhooks?: () => readonly WebhookRecord[]; callbacks?: () => readonly WebhookRecord[] };
  const records = simulator.webhooks ?? simulator.callbacks;
  if (records === undefined) throw new Error(`the ${method} simulator sends no webhooks`);
  return records();
};

async function measure(counter: WebCounter, method: MethodId, payments: number, payWindowMs: number): Promise<{ samples: number[]; delivered: number }> {
  const before = deliveries(counter, method).length;
  const samples = await paidToPainted(counter, method, payments, payWindowMs);
  const sent = deliveries(counter, method).slice(before);
  const failed = sent.filter((d) => d.status !== 200);
  if (failed.length > 0) throw new Error(`${failed.length} ${method} webhooks were not answered 200: ${JSON.stringify(failed[0])}`);
  return { samples, delivered: sent.length };
}

export async function benchWebhooks(browser: Browser, quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  const payments = quick ? 10 : 50;
  const pollIntervalMs = DEFAULT_SETTINGS.payment.pollIntervalMs;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const counter = await startWebCounter(browser, {
    demo: { latencyMs: 0 },
    webhooks: { port },
    providers: { orangepill: { callbackUrl: `${base}/callbacks/orangepill` } },
  });
  try {
    // Opn's webhook endpoint is set in its dashboard, not per charge: here the simulator's control for it.
    const opn = simulatorOf(counter, 'atome');
    // Demo mode's simulators take control requests only with their per-run token, held in this process.
    const set = await fetch(`${opn.baseUrl}/__control/webhook`, {
      method: 'POST',
      headers: opn.controlToken === null ? {} : { [CONTROL_HEADER]: opn.controlToken },
      body: JSON.stringify({ url: `${base}/webhooks/opn` }),
    });
    if (!set.ok) throw new Error(`the Opn simulator refused the webhook endpoint: HTTP ${set.status}`);
    // The flip lands at a random phase of the 1 s poll: a window of one interval covers every phase.
    const conditions = (via: string, delivered: number) =>
      `${via}, polling on (default ${pollIntervalMs} ms), flip at a random moment, simulator at 0 ms, ${payments} payments; ${delivered} deliveries, each answered 200`;
    step(`paid at provider → paid painted, Opn webhook (${payments} payments)`);
    const opnRun = await measure(counter, 'atome', payments, pollIntervalMs);
    step(`paid at provider → paid painted, Orangepill callback (${payments} payments)`);
    const opRun = await measure(counter, 'orangepill', payments, pollIntervalMs);
    return [
      row('paid at provider → paid painted on the display, Opn webhook', 'ms', opnRun.samples, 150, conditions('Atome, charge.complete to POST /webhooks/opn', opnRun.delivered)),
      row(
        'paid at provider → paid painted on the display, Orangepill callback',
        'ms',
        opRun.samples,
        150,
        conditions('Orangepill, { id } to POST /callbacks/orangepill', opRun.delivered),
      ),
    ];
  } finally {
    await counter.close();
  }
}
