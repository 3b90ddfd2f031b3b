import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../app/settings/settings';
import type { Payment } from '../../app/payment/payment';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { freePort } from '../support/free-port';

/**
 * Opn's charge.complete webhook, through the real service: it makes the terminal re-fetch the
 * charge at once. Polling is slowed to 10 s so the answer can only have come by the webhook, and a
 * forged event saying "successful" for a pending charge changes nothing.
 */
const KEY = 'skey_test_webhookSECRET123';
let simulator: OpnSimulator;
let service: TerminalService;
let webhookUrl: string;
const logLines: string[] = [];
const payments: Payment[] = [];

beforeAll(async () => {
  simulator = await startOpnSimulator({ secretKey: KEY });
  const port = await freePort();
  webhookUrl = `http://127.0.0.1:${port}/webhooks/opn`;
  service = await createTerminalService({
    settings: settingsSchema.parse({
      payment: { pollIntervalMs: 10_000 },
      webhooks: { port },
      providers: { opn: { secretKey: KEY, baseUrl: simulator.baseUrl } },
    }),
    log: createLogger((line) => logLines.push(line)),
  });
  service.subscribe((event, payload) => {
    if (event === 'payment' && 'payment' in payload && payload.payment !== null) payments.push(payload.payment);
  });
});

afterAll(async () => {
  await service.close();
  await simulator.close();
});

const event = (chargeId: string, status: string) => ({
  object: 'event',
  key: 'charge.complete',
  data: { object: 'charge', id: chargeId, status },
});

const postWebhook = (body: unknown) =>
  fetch(webhookUrl, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function charge(): Promise<Payment> {
  const result = await service.dispatch('charge', { amount: { minor: 2000, currency: 'SGD' }, method: 'atome' }, 'cashier');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Payment;
}

describe('Opn webhooks through the terminal service', () => {
  it('never trusts the event body: a forged "successful" for a pending charge changes nothing', async () => {
    const payment = await charge();
    const statusReads = () => simulator.requests().filter((r) => r.method === 'GET' && r.path === `/charges/${payment.providerRef}`).length;
    const before = statusReads();
    expect((await postWebhook(event(payment.providerRef ?? '', 'successful'))).status).toBe(200);
    await expect.poll(statusReads).toBe(before + 1);
    expect(payments.filter((p) => p.id === payment.id).at(-1)?.state.status).toBe('awaiting');
    await service.dispatch('cancel', { paymentId: payment.id }, 'cashier');
    await service.dispatch('dismiss', { paymentId: payment.id }, 'cashier');
  });

  it('re-fetches the charge at once on charge.complete, and shows it paid', async () => {
    const payment = await charge();
    const settled = simulator.settle(payment.providerRef ?? '', 'paid');
    expect(settled.ok).toBe(true);
    expect((await postWebhook(event(payment.providerRef ?? '', 'successful'))).status).toBe(200);
    await expect.poll(() => payments.filter((p) => p.id === payment.id).at(-1)?.state.status).toBe('paid');
    expect(logLines.some((l) => l.includes('"message":"webhook"') && l.includes('"known":true'))).toBe(true);
    for (const line of logLines) expect(line).not.toContain(KEY);
  });

  it('answers a webhook for a charge it does not follow, without acting', async () => {
    expect((await postWebhook(event('chrg_not_ours', 'successful'))).status).toBe(200);
    expect(logLines.some((l) => l.includes('chrg_not_ours') && l.includes('"known":false'))).toBe(true);
  });
});
