import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ParkedSales } from '../../app/engine/parking-desk';
import type { Snapshot } from '../../app/ipc/contract';
import type { Payment } from '../../app/payment/payment';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { Outage } from '../../electron/simulators/faults';
import { launchChromium } from '../support/chromium';
import { startServe, type ServeProcess } from '../support/serve-process';
import { connect } from '../support/ws-client';

/**
 * A restart with a parked sale in the journal. Opn stops answering about one charge; the cashier parks
 * it; the real `serve` process is killed (SIGKILL) and started again on the same data folder. The
 * counter must come back free, with the sale in Needs attention, and the sale must be followed again:
 * once Opn answers, the customer's payment made meanwhile is announced on the cashier screen.
 */
const KEY = 'skey_test_parkedRESTART7';
let simulator: OpnSimulator;
let dir: string;
let config: string;
let browser: Browser;
let outage: Outage | null = null;

beforeAll(async () => {
  simulator = await startOpnSimulator({ secretKey: KEY });
  dir = mkdtempSync(join(tmpdir(), 'parked-restart-'));
  config = join(dir, 'settings.json');
  writeFileSync(
    config,
    JSON.stringify({
      providers: { opn: { secretKey: KEY, baseUrl: simulator.baseUrl } },
      payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 },
    }),
    { mode: 0o600 },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  outage?.end();
  await browser?.close();
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const apiUrl = (serve: ServeProcess): string => {
  const url = new URL(serve.cashierUrl);
  return `ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`;
};

/** One command over a fresh connection, as the cashier page would send it. */
async function command<T>(serve: ServeProcess, name: string, args: unknown = {}): Promise<T> {
  const client = await connect(apiUrl(serve));
  try {
    const answer = await client.command(name, args);
    if (answer.type !== 'result' || !answer.result.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
    return answer.result.value as T;
  } finally {
    client.close();
  }
}

const onCounter = async (serve: ServeProcess): Promise<Payment | null> => (await command<Snapshot>(serve, 'getSnapshot')).payment;

describe('a parked sale across a restart', () => {
  it('comes back parked: the counter is free, and the sale is followed until Opn answers', async () => {
    const data = join(dir, 'data');
    const first = await startServe(['--config', config, '--data', data]);
    let parked: Payment;
    try {
      const charged = await command<Payment>(first, 'charge', { amount: { minor: 2500, currency: 'SGD' }, method: 'atome' });
      const chargeId = charged.providerRef ?? '';
      // Opn stops answering about this charge: its status and its Expire request are cut.
      outage = simulator.faults.startOutage({ fault: { kind: 'reset' }, pathPrefix: `/charges/${chargeId}` });
      await expect.poll(async () => (await onCounter(first))?.notice, { timeout: 15_000 }).toMatch(/^No connection to Opn/);
      parked = await command<Payment>(first, 'park', { paymentId: charged.id });
      expect(parked.parkedAt).toEqual(expect.any(Number));
      expect(await onCounter(first)).toBeNull();
      first.child.kill('SIGKILL');
    } finally {
      await first.stop();
    }

    // The customer pays while the terminal is down and Opn still cannot be asked about it.
    expect(simulator.settle(parked.providerRef ?? '', 'paid').ok).toBe(true);

    const second = await startServe(['--config', config, '--data', data]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      // The journal's open sale is parked: it is not put back on the counter.
      expect(await onCounter(second)).toBeNull();
      const sales = await command<ParkedSales>(second, 'listParked');
      expect(sales.open.map((p) => [p.id, p.parkedAt, p.state.status])).toEqual([[parked.id, parked.parkedAt, 'awaiting']]);

      const cashier = await context.newPage();
      await cashier.goto(second.cashierUrl);
      await cashier.locator('[data-testid="charge"]').waitFor();
      expect(await cashier.locator('[data-testid="needs-attention-count"]').innerText()).toBe('1');

      outage?.end();
      outage = null;
      const news = cashier.locator(`[data-testid="parked-news"][data-id="${parked.id}"]`);
      await news.waitFor({ timeout: 15_000 });
      expect(await news.innerText()).toMatch(new RegExp(`^Parked sale ${parked.id} of SGD 25\\.00 was paid at \\d\\d:\\d\\d`));
      expect(await onCounter(second)).toBeNull();
      expect((await command<ParkedSales>(second, 'listParked')).open).toEqual([]);
    } finally {
      await context.close();
      expect(await second.stop()).toBe(0);
    }
  });
});
