/**
 * What a live shop is offered from its Opn account: `GET /capability` at start and on Test connection,
 * the answer kept in the data folder for an offline start, and a sentence for each method that went.
 * Real HTTP to answers stubbed from the doc; a real data folder.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '../../app/settings/settings';
import type { Snapshot } from '../../app/ipc/contract';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService } from '../../electron/service/terminal/terminal-service';
import { testConnection } from '../../electron/service/providers/connection-test';
import { OPN_CAPABILITY_FILE, opnAccount } from '../../electron/service/providers/opn-offer';
import { setUpProviders, type ProviderSetup } from '../../electron/service/providers/provider-setup';
import { startOpnStub, STUB_CAPABILITY, STUB_SECRET, type OpnStub } from '../support/opn-stub';
import { worded } from '../support/said-english';

let stub: OpnStub;
let dataDir: string;
let setups: ProviderSetup[] = [];
const lines: string[] = [];
const log = createLogger((line) => lines.push(line), 'debug');

beforeEach(async () => {
  stub = await startOpnStub();
  dataDir = mkdtempSync(join(tmpdir(), 'opn-capability-'));
  lines.length = 0;
});
afterEach(async () => {
  await Promise.all(setups.map((s) => s.close()));
  setups = [];
  await stub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const SG_DAY = Date.UTC(2026, 4, 3, 2);

function settings(extra: Record<string, unknown> = {}, baseUrl = stub.baseUrl): Settings {
  const { opn, ...rest } = extra as { opn?: Record<string, unknown> };
  return settingsSchema.parse({ currency: 'SGD', locale: 'en-SG', providers: { opn: { secretKey: STUB_SECRET, baseUrl, ...opn } }, ...rest });
}

async function start(s: Settings, now = SG_DAY): Promise<ProviderSetup> {
  const setup = await setUpProviders({ settings: s, log, now: () => now, dataDir });
  setups.push(setup);
  return setup;
}

const capabilityWith = (...names: [string, string[]][]) => ({
  object: 'capability',
  payment_methods: names.map(([name, currencies]) => ({ object: 'payment_method', name, currencies })),
});
const kept = (): unknown => JSON.parse(readFileSync(join(dataDir, OPN_CAPABILITY_FILE), 'utf8'));

describe('the methods a live shop is offered', () => {
  it('offers what the account has, in the currencies it has them, and keeps the answer in a private file', async () => {
    stub.setCapability(capabilityWith(['atome_qr', ['SGD', 'MYR']], ['paynow', ['SGD']], ['alipayplus_mpm', ['SGD']], ['duitnow_qr', ['MYR']], ['card', ['SGD']]));
    const setup = await start(settings());
    expect(setup.demo).toBe(false);
    expect([...setup.providers.keys()]).toEqual(['atome', 'paynow', 'alipayplus']);
    expect(setup.providers.get('alipayplus')!.method.currencies).toEqual(['SGD']);
    expect(setup.notices).toEqual([]);
    expect(stub.requests.filter((r) => r.path === '/capability')).toHaveLength(1);
    expect(kept()).toEqual({
      version: 1,
      account: opnAccount(stub.baseUrl, STUB_SECRET),
      checkedAt: SG_DAY,
      methods: [
        { id: 'atome', currencies: ['SGD', 'MYR'] },
        { id: 'paynow', currencies: ['SGD'] },
        { id: 'alipayplus', currencies: ['SGD'] },
      ],
      gone: [],
    });
    if (process.platform !== 'win32') expect(statSync(join(dataDir, OPN_CAPABILITY_FILE)).mode & 0o777).toBe(0o600);
    // Only a fingerprint of the account is kept, never the key.
    expect(readFileSync(join(dataDir, OPN_CAPABILITY_FILE), 'utf8')).not.toContain(STUB_SECRET.slice(5));
  });

  it('hides a method the account does not have (a Thai account: no PayNow), and one it has in no currency the terminal takes', async () => {
    stub.setCapability(capabilityWith(['promptpay', ['THB']], ['wechat_pay_mpm', ['THB']], ['atome_qr', ['THB']]));
    const setup = await start(settings({ currency: 'THB', locale: 'th-TH' }));
    expect([...setup.providers.keys()]).toEqual(['promptpay', 'wechatpay']);
  });

  it('narrows to the methods chosen in settings, and says which chosen one the account lacks', async () => {
    stub.setCapability(capabilityWith(['paynow', ['SGD']], ['alipayplus_mpm', ['SGD']]));
    const setup = await start(settings({ opn: { methods: ['paynow', 'wechatpay'] } }));
    expect([...setup.providers.keys()]).toEqual(['paynow']);
    expect(setup.notices).toEqual([
      {
        method: 'wechatpay',
        health: 'off',
        summary: 'WeChat Pay',
        detail: 'WeChat Pay is chosen in providers.opn.methods, but Opn does not offer it on this account, so the terminal does not offer it. Ask Opn to enable WeChat Pay, or take it out of that setting.',
      },
    ]);
  });

  it('tells the cashier when a method disappeared since the kept answer, and keeps saying so until it is back', async () => {
    stub.setCapability(capabilityWith(['paynow', ['SGD']], ['alipayplus_mpm', ['SGD']]));
    await start(settings());
    stub.setCapability(capabilityWith(['paynow', ['SGD']]));
    const later = SG_DAY + 86_400_000;
    const second = await start(settings(), later);
    expect([...second.providers.keys()]).toEqual(['paynow']);
    const sentence =
      'Opn no longer offers Alipay+ on this account (noticed on 4 May 2026), so the terminal does not offer it. Ask Opn to enable Alipay+ again, then press Test connection in Settings.';
    expect(second.notices).toEqual([{ method: 'alipayplus', health: 'off', summary: 'Alipay+', detail: sentence }]);
    // The next start still says so, with the day it was first noticed.
    expect((await start(settings(), later + 86_400_000)).notices).toEqual(second.notices);
    // A shop that chose to leave it out is not told again.
    expect((await start(settings({ opn: { methods: ['paynow'] } }), later + 86_400_000)).notices).toEqual([]);
    stub.setCapability(capabilityWith(['paynow', ['SGD']], ['alipayplus_mpm', ['SGD']]));
    const back = await start(settings(), later + 2 * 86_400_000);
    expect([...back.providers.keys()]).toEqual(['paynow', 'alipayplus']);
    expect(back.notices).toEqual([]);
  });

  it('an offline start offers the kept answer; with none kept, the chosen or likely methods', async () => {
    stub.setCapability(capabilityWith(['promptpay', ['THB']]));
    await start(settings({ currency: 'THB' }));
    await stub.close();
    const offline = await start(settings({ currency: 'THB' }));
    expect([...offline.providers.keys()]).toEqual(['promptpay']);
    expect(lines.some((line) => line.includes('Opn did not say which methods the account has'))).toBe(true);

    rmSync(join(dataDir, OPN_CAPABILITY_FILE));
    expect([...(await start(settings({ currency: 'THB' }))).providers.keys()]).toEqual(['atome', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus']);
    expect([...(await start(settings())).providers.keys()]).toEqual(['atome', 'paynow', 'alipayplus']);
    expect([...(await start(settings({ opn: { methods: ['paynow'] } }))).providers.keys()]).toEqual(['paynow']);
    stub = await startOpnStub();
  });

  it('never takes another account\u2019s kept answer', async () => {
    stub.setCapability(capabilityWith(['promptpay', ['THB']]));
    await start(settings({ currency: 'THB' }));
    await stub.close();
    const other = await start(settings({ currency: 'THB', opn: { secretKey: 'skey_test_anotheraccount000' } }));
    expect([...other.providers.keys()]).toEqual(['atome', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus']);
    stub = await startOpnStub();
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['a key it must not hold', JSON.stringify({ version: 1, account: 'abcdef0123456789', checkedAt: 1, methods: [], gone: [], secretKey: 'skey_test_x' })],
    ['an unknown method', JSON.stringify({ version: 1, account: 'abcdef0123456789', checkedAt: 1, methods: [{ id: 'duitnow', currencies: ['MYR'] }], gone: [] })],
    ['a huge file', `{"version":1,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`],
  ])('a kept file that is %s is set aside with a log line, never trusted', async (_what, body) => {
    writeFileSync(join(dataDir, OPN_CAPABILITY_FILE), body, { mode: 0o600 });
    await stub.close();
    const setup = await start(settings());
    expect([...setup.providers.keys()]).toEqual(['atome', 'paynow', 'alipayplus']);
    expect(lines.some((line) => line.includes('kept Opn capability unreadable'))).toBe(true);
    stub = await startOpnStub();
  });

  it('a hostile capability answer is not an account: the kept answer stands', async () => {
    stub.setCapability(capabilityWith(['paynow', ['SGD']]));
    await start(settings());
    stub.answerOnce('/capability', 200, '{"object":"capability","payment_methods":"everything"}');
    expect([...(await start(settings())).providers.keys()]).toEqual(['paynow']);
    expect((kept() as { methods: unknown[] }).methods).toEqual([{ id: 'paynow', currencies: ['SGD'] }]);
  });
});

describe('Test connection asks Opn which methods the account has', () => {
  const args = { provider: 'opn' } as const;

  it('names the methods the account offers, and keeps the answer for the key in force', async () => {
    stub.setCapability(STUB_CAPABILITY);
    const check = await testConnection(args, settings(), log, () => SG_DAY, {}, dataDir);
    expect(check).toMatchObject({
      provider: 'opn',
      ok: true,
      message: `Opn accepted the key at ${stub.baseUrl} (a test key: no real money moves). This account offers Atome (SGD, MYR), PayNow (SGD), PromptPay (THB), TrueMoney (THB), WeChat Pay (THB), Alipay+ (THB, SGD).`,
      said: { kind: 'test_opn_ok', url: stub.baseUrl, testKey: true, methodsDetail: null, gone: [] },
    });
    expect(worded(check.said)).toBe(check.message);
    expect(worded(check.said, 'ms')).toBe(
      `Opn menerima kunci di ${stub.baseUrl} (kunci ujian: tiada wang sebenar terlibat). Akaun ini menawarkan Atome (SGD, MYR), PayNow (SGD), PromptPay (THB), TrueMoney (THB), WeChat Pay (THB), Alipay+ (THB, SGD).`,
    );
    expect((kept() as { methods: unknown[] }).methods).toHaveLength(6);
  });

  it('says which method disappeared since the kept answer', async () => {
    stub.setCapability(capabilityWith(['paynow', ['SGD']], ['wechat_pay_mpm', ['THB']]));
    await start(settings());
    stub.setCapability(capabilityWith(['paynow', ['SGD']]));
    const check = await testConnection(args, settings(), log, () => SG_DAY + 3_600_000, {}, dataDir);
    expect(check.message).toBe(
      `Opn accepted the key at ${stub.baseUrl} (a test key: no real money moves). This account offers PayNow (SGD). ` +
        'Opn no longer offers WeChat Pay on this account (noticed on 3 May 2026), so the terminal does not offer it. Ask Opn to enable WeChat Pay again, then press Test connection in Settings.',
    );
    expect(worded(check.said)).toBe(check.message);
    expect(worded(check.said, 'zh-Hans')).toContain('Opn 已不再为此账户提供 微信支付（发现于 3 May 2026）');
  });

  it('a key typed to try it is not kept as the shop\u2019s account', async () => {
    const typed = await testConnection({ provider: 'opn', key: STUB_SECRET }, settings({ opn: { secretKey: 'skey_test_theoneinforce00' } }), log, () => SG_DAY, {}, dataDir);
    expect(typed.ok).toBe(true);
    expect(() => statSync(join(dataDir, OPN_CAPABILITY_FILE))).toThrow();
  });

  it('an account with none of the QR methods, and an answer the terminal cannot read, each get a sentence', async () => {
    stub.setCapability(capabilityWith(['card', ['SGD']]));
    const none = await testConnection(args, settings(), log, () => SG_DAY, {}, dataDir);
    expect(none.message).toMatch(/This account offers none of the QR methods the terminal takes \(Atome, PayNow, PromptPay, TrueMoney, WeChat Pay, Alipay\+\)\.$/);
    expect(worded(none.said)).toBe(none.message);
    stub.answerOnce('/capability', 200, 'not json');
    const check = await testConnection(args, settings(), log, () => SG_DAY, {}, dataDir);
    expect(check.ok).toBe(true);
    expect(check.message).toMatch(/ It did not say which QR methods this account has: Opn sent a response the terminal cannot read\.$/);
    expect(worded(check.said)).toBe(check.message);
  });
});

describe('an account with none of the methods', () => {
  it('stays live, offers no Opn method, and says why on the device bar', async () => {
    stub.setCapability(capabilityWith(['card', ['SGD']]));
    const setup = await start(settings());
    expect(setup.demo).toBe(false);
    expect(setup.providers.size).toBe(0);
    expect(setup.notices).toEqual([
      {
        method: 'atome',
        health: 'off',
        summary: 'Opn',
        detail: 'Opn offers none of the QR methods the terminal takes (Atome, PayNow, PromptPay, TrueMoney, WeChat Pay, Alipay+) on this account. Ask Opn to enable one, then press Test connection in Settings.',
      },
    ]);
  });
});

describe('the device bar says why a method is gone', () => {
  it('the terminal service puts the sentence beside the methods it offers', async () => {
    stub.setCapability(capabilityWith(['paynow', ['SGD']], ['alipayplus_mpm', ['SGD']]));
    await start(settings());
    stub.setCapability(capabilityWith(['paynow', ['SGD']]));
    const service = await createTerminalService({ settings: settings(), log, dataDir });
    try {
      const snapshot = await service.dispatch('getSnapshot', {}, 'cashier');
      if (!snapshot.ok) throw new Error(snapshot.error.message);
      const { terminal, devices } = snapshot.value as Snapshot;
      expect(terminal.methods.map((m) => m.id)).toEqual(['paynow']);
      expect(devices?.providers).toMatchObject([
        { method: 'paynow', health: 'unknown', summary: 'PayNow', detail: 'Not asked yet: the terminal checks PayNow when it takes a payment.' },
        { method: 'alipayplus', health: 'off', summary: 'Alipay+', detail: expect.stringMatching(/^Opn no longer offers Alipay\+ on this account \(noticed on /) as unknown },
      ]);
    } finally {
      await service.close();
    }
  });
});
