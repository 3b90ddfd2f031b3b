/**
 * The demo-mode simulators' /__control/ routes settle payments, inject faults, move the clock and aim
 * Opn's webhooks. Here they are attacked as a local process or a hostile web page on the counter PC
 * would: no token, a wrong one, one in the query string, a browser's simple POST, a preflight, a
 * rebinding Host. The simulators are the ones demo mode starts (real servers on 127.0.0.1, each with
 * its per-run token), driven past any client; nothing may be settled by a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodId } from '../../app/payment/method';
import type { PaymentProvider } from '../../app/providers/provider';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { setUpProviders, type ProviderSetup } from '../../electron/service/providers/provider-setup';
import { CONTROL_HEADER } from '../../electron/simulators/control-gate';
import { startDemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { startOpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { startOrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import type { SimulatedProvider } from '../../electron/simulators/simulated-provider';
import { sale } from '../support/orangepill-harness';
import { controlRequest, corsAllowHeaders } from '../support/simulator-control';

let setup: ProviderSetup;
beforeAll(async () => {
  setup = await setUpProviders({ settings: settingsSchema.parse({}), log: createLogger(() => undefined), now: Date.now });
});
afterAll(() => setup.close());

interface Case {
  readonly method: MethodId;
  /** The control that marks a payment paid, as the customer's wallet would. */
  readonly paidPath: (ref: string) => string;
  /** The simulator's own error shape: Orangepill's has no `object` field. */
  readonly error: (code: string) => Record<string, unknown>;
}

const withObject = (code: string) => ({ object: 'error', code, message: expect.any(String) as unknown });
const CASES: readonly Case[] = [
  { method: 'demo', paidPath: (ref) => `/control/payments/${ref}/paid`, error: withObject },
  { method: 'atome', paidPath: (ref) => `/__control/charges/${ref}/paid`, error: withObject },
  { method: 'orangepill', paidPath: (ref) => `/__control/requests/${ref}/paid`, error: (code) => ({ code, message: expect.any(String) as unknown }) },
];

const simulatorOf = (method: MethodId): SimulatedProvider => {
  const sim = setup.simulators.get(method);
  if (sim === undefined) throw new Error(`demo mode started no ${method} simulator`);
  return sim;
};
/** The run's token ('' if none: demo-simulate-token.test.ts checks that there is one). */
const tokenOf = (method: MethodId): string => simulatorOf(method).controlToken ?? '';
const providerOf = (method: MethodId): PaymentProvider => {
  const provider = setup.providers.get(method);
  if (provider === undefined) throw new Error(`demo mode offers no ${method}`);
  return provider;
};

/** A new payment at the simulator, through the terminal's real client; its provider reference. */
async function pending(method: MethodId): Promise<string> {
  const created = await providerOf(method).create(sale({ minor: 2500, currency: 'SGD' }));
  if (!created.ok) throw new Error(created.error.message);
  return created.value.providerRef;
}

const statusOf = async (method: MethodId, ref: string): Promise<string> => {
  const status = await providerOf(method).status(ref);
  return status.ok ? status.value.kind : `error: ${status.error.message}`;
};

describe.each(CASES)('the $method simulator demo mode starts', ({ method, paidPath, error }) => {
  const url = (path: string) => `${simulatorOf(method).baseUrl}${path}`;
  const token = () => tokenOf(method);

  it('refuses a settle with no token, a wrong one, several, or one only in the query string; settles with the run\u2019s token', async () => {
    const ref = await pending(method);
    const right = token();
    const attempts: Record<string, unknown>[] = [
      {},
      { [CONTROL_HEADER]: 'not-the-token' },
      { [CONTROL_HEADER]: right.slice(0, -1) },
      { [CONTROL_HEADER]: `${right}x` },
      { [CONTROL_HEADER]: right.toUpperCase() === right ? right.toLowerCase() : right.toUpperCase() },
      { [CONTROL_HEADER]: 'x'.repeat(8000) },
      // Two header lines, each the token: Node joins them, and the joined value is not the token.
      { [CONTROL_HEADER]: [right, right] },
      { authorization: `Bearer ${right}` },
      { [CONTROL_HEADER]: tokenOf(method === 'demo' ? 'atome' : 'demo') },
    ];
    for (const headers of attempts) {
      const answer = await controlRequest(url(paidPath(ref)), { headers: headers as Record<string, string> });
      expect(answer.status, JSON.stringify(headers).slice(0, 80)).toBe(401);
      expect(answer.json).toEqual(error('authentication_failure'));
    }
    const query = `?${CONTROL_HEADER}=${right}&token=${right}&control_token=${right}`;
    expect((await controlRequest(url(`${paidPath(ref)}${query}`))).status).toBe(401);
    // A body far past any limit is not even read: the refusal comes first.
    expect((await controlRequest(url(paidPath(ref)), { body: 'x'.repeat(2_000_000) })).status).toBe(401);
    // Many at once, as a page firing requests in a loop would: none gets through.
    const burst = await Promise.all(Array.from({ length: 40 }, () => controlRequest(url(paidPath(ref)))));
    expect(new Set(burst.map((a) => a.status))).toEqual(new Set([401]));
    expect(await statusOf(method, ref)).toBe('pending');

    const settled = await controlRequest(url(paidPath(ref)), { headers: { [CONTROL_HEADER]: right } });
    expect(settled.status).toBe(200);
    expect(await statusOf(method, ref)).toBe('paid');
  });

  it('refuses a browser\u2019s simple POST (text/plain, Origin: http://evil.example), even one that carries the token', async () => {
    const ref = await pending(method);
    const browser = { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://evil.example' };
    for (const headers of [browser, { ...browser, [CONTROL_HEADER]: token() }, { 'sec-fetch-site': 'cross-site', [CONTROL_HEADER]: token() }]) {
      const answer = await controlRequest(url(paidPath(ref)), { headers, body: '' });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual(error('forbidden'));
      expect(corsAllowHeaders(answer.headers)).toEqual([]);
    }
    expect(await statusOf(method, ref)).toBe('pending');
  });

  it('refuses the CORS preflight a page must send to add the token header, with no Access-Control-Allow-* header', async () => {
    const preflight = await controlRequest(url(paidPath('ANY')), {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': CONTROL_HEADER },
    });
    expect(corsAllowHeaders(preflight.headers)).toEqual([]);
    expect(preflight.status).toBe(403);
    expect(preflight.json).toEqual(error('forbidden'));
  });

  it('refuses a Host other than 127.0.0.1:port or localhost:port (DNS rebinding), even with the token', async () => {
    const ref = await pending(method);
    const port = new URL(simulatorOf(method).baseUrl).port;
    const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`, '127.0.0.1', `[::1]:${port}`, `127.0.0.1:${port}@evil.example`];
    for (const host of hosts) {
      const answer = await controlRequest(url(paidPath(ref)), { headers: { host, [CONTROL_HEADER]: token() } });
      expect(answer.status, host).toBe(403);
      expect(answer.json).toEqual(error('forbidden'));
    }
    expect(await statusOf(method, ref)).toBe('pending');
    const named = await controlRequest(url(paidPath(ref)), { headers: { host: `LOCALHOST:${port}`, [CONTROL_HEADER]: token() } });
    expect(named.status).toBe(200);
  });
});

describe('the Opn simulator\u2019s webhook target in demo mode', () => {
  const setWebhook = (url: string | null) =>
    controlRequest(`${simulatorOf('atome').baseUrl}/__control/webhook`, {
      headers: { [CONTROL_HEADER]: tokenOf('atome'), 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });

  it('cannot be aimed anywhere but this machine, and a refused target is never posted to', async () => {
    const away = [
      'http://evil.example/hook',
      'https://evil.example/hook',
      'http://127.0.0.1.evil.example/hook',
      'http://localhost.evil.example/hook',
      'http://127.0.0.1@evil.example/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/hook',
      'http://[::2]/hook',
    ];
    for (const target of away) {
      const answer = await setWebhook(target);
      expect(answer.status, target).toBe(400);
      expect(answer.json).toMatchObject({ object: 'error', code: 'bad_request', message: expect.stringContaining('loopback') as unknown });
    }
    const ref = await pending('atome');
    expect((await controlRequest(`${simulatorOf('atome').baseUrl}/__control/charges/${ref}/paid`, { headers: { [CONTROL_HEADER]: tokenOf('atome') } })).status).toBe(200);
    const opn = simulatorOf('atome') as unknown as { webhooks(): readonly unknown[] };
    expect(opn.webhooks()).toEqual([]);
    expect((await setWebhook('http://127.0.0.1:9/hook')).status).toBe(200);
    expect((await setWebhook(null)).status).toBe(200);
  });
});

describe('a simulator a test starts itself, with no token', () => {
  it('keeps its controls open to a plain loopback request, and still refuses a web page or a foreign Host', async () => {
    const sims = [
      await startDemoSimulator({ apiKey: 'sk_demo_own' }),
      await startOpnSimulator({ secretKey: 'skey_test_own' }),
      await startOrangepillSimulator({ apiKey: 'own', merchantAlias: '@own' }),
    ];
    try {
      for (const sim of sims) {
        const path = sim.method === 'demo' ? '/control/payments/NONE/paid' : sim.method === 'orangepill' ? '/__control/requests/NONE/paid' : '/__control/charges/NONE/paid';
        // Let in, and answered by the control itself: there is no such payment.
        expect((await controlRequest(`${sim.baseUrl}${path}`)).status, sim.method).not.toBe(403);
        expect((await controlRequest(`${sim.baseUrl}${path}`, { headers: { host: 'evil.example' } })).status, sim.method).toBe(403);
        expect((await controlRequest(`${sim.baseUrl}${path}`, { headers: { origin: 'http://evil.example' } })).status, sim.method).toBe(403);
      }
      expect(sims.map((s) => s.controlToken)).toEqual([null, null, null]);
    } finally {
      await Promise.all(sims.map((s) => s.close()));
    }
  });
});
