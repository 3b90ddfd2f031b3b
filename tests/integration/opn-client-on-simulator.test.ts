/**
 * The client's rules for the new Opn methods, against the Opn simulator (written from the doc on its
 * own): the account's capability decides what a live shop is offered, and a redirect flow is refused
 * with its charge expired. The same checks run against stubbed answers in opn-methods/opn-capability.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpnClient } from '../../app/providers/opn/opn-client';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { readOpnQrImage } from '../../electron/service/providers/provider-clients';
import { setUpProviders, type ProviderSetup } from '../../electron/service/providers/provider-setup';
import { enabledOpnMethods, startOpnSimulator, type OpnSimulator, type OpnSimulatorOptions } from '../../electron/simulators/opn/opn-simulator';
import { expectWordedAsSaid, formatFor } from '../support/said-check';

const SECRET = 'skey_test_simclient0000000001';
let sim: OpnSimulator | null = null;
let setup: ProviderSetup | null = null;
let dataDir: string | null = null;

afterEach(async () => {
  await setup?.close();
  await sim?.close();
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  sim = null;
  setup = null;
  dataDir = null;
});

async function simulator(options: Partial<OpnSimulatorOptions> = {}): Promise<OpnSimulator> {
  sim = await startOpnSimulator({ secretKey: SECRET, ...options });
  return sim;
}

describe('the Opn client against the Opn simulator', () => {
  it('a live shop is offered only the methods the simulated account has enabled', async () => {
    const s = await simulator({ enabledMethods: enabledOpnMethods(['paynow', 'alipayplus_mpm']) });
    dataDir = mkdtempSync(join(tmpdir(), 'opn-sim-client-'));
    setup = await setUpProviders({
      settings: settingsSchema.parse({ currency: 'SGD', providers: { opn: { secretKey: SECRET, baseUrl: s.baseUrl } } }),
      log: createLogger(() => undefined),
      now: Date.now,
      dataDir,
    });
    expect([...setup.providers.keys()]).toEqual(['paynow', 'alipayplus']);
    expect(s.requests().filter((r) => r.path === '/capability')).toHaveLength(1);
  });

  it.each([
    ['paynow', 'paynow', 1500, 'SGD', 'PayNow'],
    ['promptpay', 'promptpay', 2000, 'THB', 'PromptPay'],
  ] as const)('refuses a %s charge that comes back as a redirect flow, and expires it', async (method, type, minor, currency, name) => {
    const s = await simulator({ redirectFlow: [type] });
    const client = createOpnClient({ baseUrl: s.baseUrl, secretKey: SECRET, omiseVersion: '2019-05-29', fetch: platformFetch(5000), now: () => s.now(), decodeQrImage: readOpnQrImage, simulated: true, method });
    const created = await client.create({ reference: `T-redirect-${method}`, amount: { minor, currency }, description: 'redirect', expiresAt: s.now() + 600_000, payerAlias: null });
    expect(created).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        message: `Opn answered the ${name} payment with a payment page the customer must open, not a QR code to show, so ${name} cannot be taken at this counter; the charge was cancelled at Opn`,
        said: { area: 'payment', kind: 'cancelled_at_opn', problem: { area: 'payment', kind: 'opn_not_qr', method, flow: 'redirect' } },
        ambiguous: false,
      },
    });
    if (!created.ok) expectWordedAsSaid(created.error, formatFor([client.method]));
    const [charge] = s.charges();
    expect(charge?.status).toBe('expired');
    expect(s.requests().some((r) => r.method === 'POST' && r.path === `/charges/${charge?.id ?? ''}/expire`)).toBe(true);
  });

  it('reads PromptPay\u2019s SVG QR to the payload the simulator issued, and takes no refund for it', async () => {
    const s = await simulator();
    const client = createOpnClient({ baseUrl: s.baseUrl, secretKey: SECRET, omiseVersion: '2019-05-29', fetch: platformFetch(5000), now: () => s.now(), decodeQrImage: readOpnQrImage, simulated: true, method: 'promptpay' });
    const created = await client.create({ reference: 'T-svg', amount: { minor: 2000, currency: 'THB' }, description: 'svg', expiresAt: s.now() + 600_000, payerAlias: null });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.qr).toEqual({ payload: s.qrPayload(created.value.providerRef) });
    expect(client.refund).toBeUndefined();
    s.settle(created.value.providerRef, 'paid');
    expect(await client.status(created.value.providerRef)).toMatchObject({ ok: true, value: { kind: 'paid', refundable: false } });
  });
});
