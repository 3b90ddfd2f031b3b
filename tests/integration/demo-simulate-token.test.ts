/**
 * The whole terminal in demo mode: its simulators' HTTP controls refuse anyone without the run's
 * token, while the cashier's demo buttons (the demoSimulate command, which reaches the simulator in
 * process) still settle a sale, and the terminal learns it by polling as from a real provider.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { CONTROL_HEADER } from '../../electron/simulators/control-gate';
import { TEST_DEMO_KEY } from '../support/in-process-terminal';
import { controlRequest } from '../support/simulator-control';

let service: TerminalService;
let dataDir: string;
const logLines: string[] = [];
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'demo-token-'));
  service = await createTerminalService({
    settings: settingsSchema.parse({ payment: { pollIntervalMs: 250 } }),
    log: createLogger((line) => logLines.push(line), 'debug'),
    demoApiKey: TEST_DEMO_KEY,
    dataDir,
  });
});
afterAll(async () => {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const onCounter = async (): Promise<Payment | null> => {
  const snapshot = await service.dispatch('getSnapshot', {}, 'cashier');
  return snapshot.ok ? (snapshot.value as { payment: Payment | null }).payment : null;
};

const PAID_PATH: Partial<Record<MethodId, (ref: string) => string>> = {
  demo: (ref) => `/control/payments/${ref}/paid`,
  atome: (ref) => `/__control/charges/${ref}/paid`,
  orangepill: (ref) => `/__control/requests/${ref}/paid`,
};

describe('demo mode: the simulators\u2019 controls need the run\u2019s token; the demo buttons do not', () => {
  it.each(['demo', 'atome', 'orangepill'] as const)('a %s sale: a tokenless settle is refused, demoSimulate pays it', async (method) => {
    const started = await service.dispatch('charge', { amount: { minor: 2500, currency: 'SGD' }, method }, 'cashier');
    if (!started.ok) throw new Error(started.error.message);
    const sale = started.value as Payment;
    const simulator = service.simulators.get(method);
    const paidPath = PAID_PATH[method];
    if (simulator === undefined || sale.providerRef === null || paidPath === undefined) throw new Error(`no simulated ${method} sale`);

    const refused = await controlRequest(`${simulator.baseUrl}${paidPath(sale.providerRef)}`, { headers: { 'content-type': 'text/plain' } });
    expect(refused.status).toBe(401);
    expect(await onCounter()).toMatchObject({ id: sale.id, state: { status: 'awaiting' } });
    // The run's token, not the API key; it never reaches the log.
    expect(simulator.controlToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(simulator.controlToken).not.toBe(simulator.apiKey);

    expect(await service.dispatch('demoSimulate', { paymentId: sale.id, outcome: 'paid' }, 'cashier')).toEqual({ ok: true, value: null });
    await expect.poll(async () => (await onCounter())?.state.status, { timeout: 10_000 }).toBe('paid');
    expect(await service.dispatch('dismiss', { paymentId: sale.id }, 'cashier')).toMatchObject({ ok: true });
    expect(logLines.join('\n')).not.toContain(simulator.controlToken ?? 'no token');
  });

  it('gives each simulator a token of its own, which its controls take', async () => {
    const sims = [...new Set(service.simulators.values())];
    const tokens = new Set(sims.map((s) => s.controlToken));
    expect(tokens.size).toBe(sims.length);
    const opn = service.simulators.get('atome');
    if (opn?.controlToken == null) throw new Error('no Opn simulator with a token');
    const time = { 'content-type': 'application/json', [CONTROL_HEADER]: opn.controlToken };
    expect((await controlRequest(`${opn.baseUrl}/__control/time`, { headers: time, body: '{"advanceMs":0}' })).status).toBe(200);
    expect((await controlRequest(`${opn.baseUrl}/__control/time`, { headers: { ...time, [CONTROL_HEADER]: '' }, body: '{"advanceMs":0}' })).status).toBe(401);
  });
});
