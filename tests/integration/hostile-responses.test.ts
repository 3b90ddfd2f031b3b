import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { startTamperingProxy, type Tamper, type TamperingProxy } from '../support/tampering-proxy';

/**
 * Providers answering in ways the terminal must not trust, through the real service and clients over
 * HTTP: each answer is rewritten between the simulator and the terminal while the customer has in
 * fact paid. Every time the payment goes to "needs attention" with a sentence saying what was wrong,
 * it is never shown as paid, and once the answers are sound again it is paid.
 */
const OPN_KEY = 'skey_test_hostileSECRET42';
const ORANGEPILL_KEY = 'op-hostile-SECRET-key-0042';
let opn: OpnSimulator;
let orangepill: OrangepillSimulator;
let opnProxy: TamperingProxy;
let orangepillProxy: TamperingProxy;
let service: TerminalService;
const seen: Payment[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  opn = await startOpnSimulator({ secretKey: OPN_KEY });
  orangepill = await startOrangepillSimulator({ apiKey: ORANGEPILL_KEY, merchantAlias: '@hostile_shop' });
  opnProxy = await startTamperingProxy(opn.baseUrl);
  orangepillProxy = await startTamperingProxy(orangepill.baseUrl);
  service = await createTerminalService({
    settings: settingsSchema.parse({
      payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000, currencies: ['SGD', 'USD'] },
      providers: {
        opn: { secretKey: OPN_KEY, baseUrl: opnProxy.baseUrl },
        orangepill: { apiKey: ORANGEPILL_KEY, baseUrl: orangepillProxy.baseUrl, merchantAlias: '@hostile_shop' },
      },
    }),
    log: createLogger((line) => logLines.push(line)),
  });
  service.subscribe((event, payload) => {
    if (event === 'payment' && 'payment' in payload && payload.payment !== null) seen.push(payload.payment);
  });
});

afterAll(async () => {
  await service.close();
  await opnProxy.close();
  await orangepillProxy.close();
  await opn.close();
  await orangepill.close();
});

/** Waits, bounded, until the service has announced the payment in the wanted status. */
async function announced(id: string, status: Payment['state']['status']): Promise<Payment> {
  for (let i = 0; i < 200; i++) {
    const found = seen.find((p) => p.id === id && p.state.status === status);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`payment ${id} never reached ${status}; last seen ${seen.filter((p) => p.id === id).at(-1)?.state.status ?? 'nothing'}`);
}

async function charge(method: 'atome' | 'orangepill', minor: number, currency: 'SGD' | 'USD'): Promise<Payment> {
  const result = await service.dispatch('charge', { amount: { minor, currency }, method }, 'cashier');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Payment;
}

const onStatusReads = (path: RegExp, edit: (body: string) => string | Buffer): Tamper => (answer) =>
  answer.method === 'GET' && path.test(answer.path.split('?')[0] ?? '') ? { body: edit(answer.body) } : null;

const OPN_CHARGE = /^\/charges\/chrg_[^/]+$/;
const ORANGEPILL_REQUEST = /^\/v1\/apps\/payment\/[^/]+$/;
const json = (body: string): Record<string, unknown> => JSON.parse(body) as Record<string, unknown>;

interface Case {
  readonly name: string;
  readonly edit: (body: string) => string | Buffer;
  readonly reason: string;
}

const opnCases: readonly Case[] = [
  { name: 'a missing status', edit: (b) => JSON.stringify({ ...json(b), status: undefined }), reason: 'Opn sent a response the terminal cannot read' },
  { name: 'an amount of the wrong type', edit: (b) => JSON.stringify({ ...json(b), amount: '2000' }), reason: 'Opn sent a response the terminal cannot read' },
  { name: 'another amount', edit: (b) => JSON.stringify({ ...json(b), amount: 200 }), reason: 'Opn answered for SGD 2.00, not the SGD 20.00 asked' },
  { name: 'another currency', edit: (b) => JSON.stringify({ ...json(b), currency: 'myr' }), reason: 'Opn answered for MYR 20.00, not the SGD 20.00 asked' },
  { name: 'non-JSON', edit: () => '<html><body>502 Bad Gateway</body></html>', reason: 'Opn sent a response the terminal cannot read' },
  // Valid JSON, but 3 MB of it: refused at the 2 MB cap without holding it all.
  { name: 'a huge body', edit: (b) => JSON.stringify({ ...json(b), padding: 'x'.repeat(3 * 1024 * 1024) }), reason: 'Opn sent a response the terminal cannot read' },
];

const orangepillCases: readonly Case[] = [
  { name: 'a missing id', edit: (b) => JSON.stringify({ ...json(b), id: undefined }), reason: 'Orangepill sent a response the terminal cannot read' },
  { name: 'a status of the wrong type', edit: (b) => JSON.stringify({ ...json(b), status: 7 }), reason: 'Orangepill sent a response the terminal cannot read' },
  { name: 'another amount', edit: (b) => JSON.stringify({ ...json(b), amount: 1 }), reason: 'Orangepill answered for USD 1.00, not the USD 100.23 asked' },
  { name: 'another asset', edit: (b) => JSON.stringify({ ...json(b), asset: 'SGD' }), reason: 'Orangepill answered for SGD 100.23, not the USD 100.23 asked' },
  { name: 'no amount at all', edit: (b) => JSON.stringify({ ...json(b), amount: undefined }), reason: 'Orangepill answered for no amount it states clearly (in USD), not the USD 100.23 asked' },
  { name: 'non-JSON', edit: () => 'DONE', reason: 'Orangepill sent a response the terminal cannot read' },
  { name: 'a huge body', edit: (b) => JSON.stringify({ ...json(b), padding: 'x'.repeat(3 * 1024 * 1024) }), reason: 'Orangepill sent a response the terminal cannot read' },
];

describe('Opn answers the terminal will not trust, while the customer has paid', () => {
  for (const c of opnCases) {
    it(`${c.name}: needs attention, never paid, then paid once Opn answers soundly`, async () => {
      const payment = await charge('atome', 2000, 'SGD');
      expect(payment.state.status).toBe('awaiting');
      opnProxy.tamper(onStatusReads(OPN_CHARGE, c.edit));
      expect(opn.settle(payment.providerRef ?? '', 'paid').ok).toBe(true);
      const attention = await announced(payment.id, 'needs_attention');
      expect(attention.state).toMatchObject({ status: 'needs_attention', reason: c.reason });
      expect(seen.some((p) => p.id === payment.id && p.state.status === 'paid')).toBe(false);
      opnProxy.tamper(null);
      await announced(payment.id, 'paid');
      expect((await service.dispatch('dismiss', { paymentId: payment.id }, 'cashier')).ok).toBe(true);
    });
  }
});

describe('Orangepill answers the terminal will not trust, while the customer has paid', () => {
  for (const c of orangepillCases) {
    it(`${c.name}: needs attention, never paid, then paid once Orangepill answers soundly`, async () => {
      const payment = await charge('orangepill', 10023, 'USD');
      expect(payment.state.status).toBe('awaiting');
      orangepillProxy.tamper(onStatusReads(ORANGEPILL_REQUEST, c.edit));
      expect(orangepill.simulate(payment.providerRef ?? '', 'paid').ok).toBe(true);
      const attention = await announced(payment.id, 'needs_attention');
      expect(attention.state).toMatchObject({ status: 'needs_attention', reason: c.reason });
      expect(seen.some((p) => p.id === payment.id && p.state.status === 'paid')).toBe(false);
      orangepillProxy.tamper(null);
      await announced(payment.id, 'paid');
      expect((await service.dispatch('dismiss', { paymentId: payment.id }, 'cashier')).ok).toBe(true);
    });
  }

  it('rewrote every answer it was asked to, and no key reached a log line', () => {
    expect(opnProxy.rewritten()).toBeGreaterThanOrEqual(opnCases.length);
    expect(orangepillProxy.rewritten()).toBeGreaterThanOrEqual(orangepillCases.length);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(OPN_KEY) || l.includes(ORANGEPILL_KEY))).toEqual([]);
  });
});
