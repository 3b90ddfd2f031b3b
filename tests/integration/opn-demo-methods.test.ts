/**
 * Demo mode offers PayNow and PromptPay beside Atome, each the real Opn client on one simulated Opn
 * account: one simulator, one key, as a real shop's one Opn key serves every method.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { setUpProviders, type ProviderSetup } from '../../electron/service/providers/provider-setup';

let setup: ProviderSetup | null = null;
afterEach(async () => {
  await setup?.close();
  setup = null;
});

describe('demo mode: the Opn QR methods on one simulated Opn', () => {
  it('offers PayNow and PromptPay by default, on the same simulator and key as Atome', async () => {
    setup = await setUpProviders({ settings: settingsSchema.parse({}), log: createLogger(() => undefined), now: Date.now, simulatorKey: () => 'skey_test_demo0000000000' });
    expect(setup.demo).toBe(true);
    expect([...setup.providers.keys()]).toEqual(['demo', 'atome', 'paynow', 'promptpay', 'orangepill']);
    const atome = setup.simulators.get('atome');
    expect(atome).toBeDefined();
    expect(setup.simulators.get('paynow')).toBe(atome);
    expect(setup.simulators.get('promptpay')).toBe(atome);
    expect(setup.simulators.get('orangepill')).not.toBe(atome);
    expect(setup.providers.get('paynow')!.method).toMatchObject({
      id: 'paynow',
      label: 'PayNow (simulated)',
      receiptLabel: 'PayNow (simulated)',
      poleLabel: 'PayNow',
      instruction: 'Scan with your banking app (PayNow)',
      simulated: true,
      refunds: { supported: true },
    });
    // A Singapore shop's PromptPay keeps its own currency rather than vanish: the cashier sees THB beside it.
    expect(setup.providers.get('promptpay')!.method).toMatchObject({ currencies: ['THB'], refunds: { supported: false } });
    expect(setup.providers.get('promptpay')!.refund).toBeUndefined();
    expect(setup.providers.get('promptpay')!.method.simulator?.failureCodes.map((f) => f.code)).toEqual(['failed_processing', 'insufficient_balance', 'payment_cancelled']);
    expect(setup.notices).toEqual([]);
  });

  it('starts one Opn simulator for any set of Opn methods, and closes each simulator once', async () => {
    setup = await setUpProviders({
      settings: settingsSchema.parse({ demo: { methods: ['paynow', 'wechatpay', 'alipayplus', 'truemoney'] } }),
      log: createLogger(() => undefined),
      now: Date.now,
    });
    const sims = new Set(setup.simulators.values());
    expect(sims.size).toBe(1);
    const [sim] = [...sims];
    expect((await fetch(`${sim!.baseUrl}/charges`)).status).toBe(401);
    await setup.close();
    setup = null;
    await expect(fetch(`${sim!.baseUrl}/charges`)).rejects.toThrow();
  });
});
