import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../app/ipc/contract';
import type { ConnectionCheck, SettingsView } from '../../app/ipc/settings-schemas';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { worded } from '../support/said-english';

const OPN_KEY = 'skey_test_5settingsScreenKey0123';

let opn: OpnSimulator;
beforeAll(async () => {
  opn = await startOpnSimulator({ secretKey: OPN_KEY });
});
afterAll(async () => {
  await opn.close();
});

let dataDir: string;
let logLines: string[];
const services: TerminalService[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'settings-service-'));
  logLines = [];
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}, file: Record<string, unknown> = {}): Promise<TerminalService> {
  const service = await createTerminalService({
    settings: settingsSchema.parse(file),
    log: createLogger((line) => logLines.push(line), 'debug'),
    dataDir,
    env,
  });
  services.push(service);
  return service;
}

async function call<T>(service: TerminalService, command: string, args: unknown = {}): Promise<T> {
  const result = await service.dispatch(command, args, 'cashier');
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(service: TerminalService, command: string, args: unknown) {
  const result = await service.dispatch(command, args, 'cashier');
  if (result.ok) throw new Error(`${command} was expected to be refused`);
  return result.error;
}

describe('the settings screen’s service', () => {
  it('shows the settings in force, keys only as not set, and where changes are kept', async () => {
    const service = await start();
    const view = await call<SettingsView>(service, 'getSettings');
    expect(view.values.merchant).toEqual({ name: 'Demo Shop', addressLines: [], logoText: null });
    expect(view.values.payment.qrExpirySeconds).toBe(600);
    expect(view.keys).toEqual({ opn: { set: false, source: null }, orangepill: { set: false, source: null } });
    expect(view.savedIn).toBe(join(dataDir, 'screen-settings.json'));
    expect(view.keyStorage.needsConsent).toBe(true);
    expect(view.keyStorage.description).toContain(join(dataDir, 'credentials.json'));
    expect(view.monitors).toBeNull();
    expect(view.problem).toBeNull();
  });

  it('saves and applies merchant settings at once, keeping only what differs from the file, and starts with them again', async () => {
    const service = await start({}, { merchant: { name: 'From File' } });
    const events: Array<{ event: EventName; payload: unknown }> = [];
    service.subscribe((event, payload) => events.push({ event, payload }));
    const view = await call<SettingsView>(service, 'saveSettings', {
      merchant: { name: 'Kopi Corner', addressLines: ['1 Jalan Besar', 'Singapore 208786'], logoText: 'KOPI' },
      sounds: { enabled: true },
    });
    expect(view.values.merchant.name).toBe('Kopi Corner');
    expect(service.info.merchantName).toBe('Kopi Corner');
    const terminalEvent = events.find((e) => e.event === 'terminal');
    expect(terminalEvent?.payload).toMatchObject({ merchantName: 'Kopi Corner' });
    // sounds equal the file's, so only the merchant section is kept.
    const saved = JSON.parse(readFileSync(join(dataDir, 'screen-settings.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['merchant']);
    expect(statSync(join(dataDir, 'screen-settings.json')).mode & 0o777).toBe(0o600);

    await service.close();
    services.splice(services.indexOf(service), 1);
    const again = await start({}, { merchant: { name: 'From File' } });
    expect(again.info.merchantName).toBe('Kopi Corner');
    expect((await call<SettingsView>(again, 'getSettings')).values.merchant.logoText).toBe('KOPI');
  });

  it('names each bad field and saves nothing', async () => {
    const service = await start();
    const error = await refusal(service, 'saveSettings', {
      merchant: { name: '', addressLines: ['x'.repeat(60)], logoText: null },
      payment: { qrExpirySeconds: 5 },
    });
    expect(error.code).toBe('invalid_args');
    expect(error.fields).toMatchObject({
      'merchant.name': 'must not be empty',
      'merchant.addressLines.0': 'must be at most 48 characters',
      'payment.qrExpirySeconds': 'must be at least 30 seconds',
    });
    expect(() => statSync(join(dataDir, 'screen-settings.json'))).toThrow();
    expect(service.info.merchantName).toBe('Demo Shop');
  });

  it('asks for an Orangepill alias with its key, and for consent before keeping a key in a plain file', async () => {
    const service = await start();
    const noAlias = await refusal(service, 'saveSettings', { credentials: { orangepillApiKey: 'op_key_12345678' }, keyStorageConsent: true });
    expect(noAlias.fields?.['providers.orangepill.merchantAlias']).toMatch(/must be set together with the API key/);
    const noConsent = await refusal(service, 'saveSettings', { credentials: { opnSecretKey: OPN_KEY } });
    expect(noConsent.fields?.['keyStorageConsent']).toMatch(/must be ticked to keep a key here: Stored unencrypted in .*credentials\.json/);
    const badKey = await refusal(service, 'saveSettings', { credentials: { opnSecretKey: 'pkey_test_123' }, keyStorageConsent: true });
    expect(badKey.fields?.['credentials.opnSecretKey']).toBe('must be an Opn secret key (skey_…)');
  });

  it('tests a key before it is saved: refused, accepted, unreachable', async () => {
    const service = await start();
    const wrong = await call<ConnectionCheck>(service, 'testConnection', { provider: 'opn', key: 'skey_test_wrongWrongWrong', baseUrl: opn.baseUrl });
    expect(wrong).toEqual({
      provider: 'opn',
      ok: false,
      message: "Opn refused the terminal's secret key \u2014 check it in settings",
      said: { area: 'settings', kind: 'test_failed', provider: 'opn', problem: 'auth', detail: "Opn refused the terminal's secret key \u2014 check it in settings" },
    });
    expect(worded(wrong.said, 'ms')).toBe("Opn menolak kunci ini; semak kunci itu dan cuba lagi. (Butiran: Opn refused the terminal's secret key \u2014 check it in settings)");
    const right = await call<ConnectionCheck>(service, 'testConnection', { provider: 'opn', key: OPN_KEY, baseUrl: opn.baseUrl });
    expect(right.ok).toBe(true);
    // Then what the account offers (GET /capability), or that Opn did not say; opn-capability.test.ts has those sentences.
    expect(right.message.startsWith(`Opn accepted the key at ${opn.baseUrl} (a test key: no real money moves). `)).toBe(true);
    expect(worded(right.said)).toBe(right.message);
    const none = await call<ConnectionCheck>(service, 'testConnection', { provider: 'orangepill' });
    expect(none).toEqual({
      provider: 'orangepill',
      ok: false,
      message: 'No Orangepill API key is set: type the key, then test it',
      said: { area: 'settings', kind: 'test_no_key', provider: 'orangepill' },
    });
    expect(worded(none.said)).toBe(none.message);
    const unreachable = await call<ConnectionCheck>(service, 'testConnection', { provider: 'opn', key: OPN_KEY, baseUrl: 'http://127.0.0.1:9' });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.said).toMatchObject({ kind: 'test_failed', problem: 'network' });
    expect(worded(unreachable.said)).toBe(unreachable.message);
    expect(unreachable.message).toMatch(/Opn/);
    expect(JSON.stringify([wrong, right, unreachable])).not.toContain(OPN_KEY);
  });

  it('goes live when a key is saved: the key in a 0600 file, never in a view, an event or the log', async () => {
    const service = await start();
    expect(service.info.demo).toBe(true);
    const events: unknown[] = [];
    service.subscribe((event, payload) => events.push({ event, payload }));
    const current = await call<SettingsView>(service, 'getSettings');
    const view = await call<SettingsView>(service, 'saveSettings', {
      providers: { ...current.values.providers, opn: { ...current.values.providers.opn, baseUrl: opn.baseUrl } },
      credentials: { opnSecretKey: OPN_KEY },
      keyStorageConsent: true,
    });
    expect(view.keys.opn).toEqual({ set: true, source: 'this terminal' });
    expect(service.info.demo).toBe(false);
    // The Opn methods the account has (GET /capability), Atome among them; opn-capability.test.ts covers the choice.
    expect(service.info.methods.map((m) => m.id)).toContain('atome');
    const file = join(dataDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(OPN_KEY);

    // The live terminal charges at the (simulated) Opn with the saved key.
    const charged = await call<Payment>(service, 'charge', { amount: { minor: 2500, currency: 'SGD' }, method: 'atome' });
    expect(charged.providerRef).toMatch(/^chrg_/);

    // A sale in progress is never interrupted by a restart.
    const busy = await refusal(service, 'saveSettings', { sounds: { enabled: false } });
    expect(busy.message).toMatch(/^A sale of .*25\.00 is in progress: finish or cancel it before changing settings/);
    await call(service, 'cancel', { paymentId: charged.id });

    const cleared = await call<SettingsView>(service, 'saveSettings', { credentials: { opnSecretKey: null } });
    expect(cleared.keys.opn).toEqual({ set: false, source: null });
    expect(service.info.demo).toBe(true);
    const everything = JSON.stringify([view, cleared, events]) + logLines.join('\n');
    expect(everything).not.toContain(OPN_KEY);
  });

  it('shows what the environment sets as locked, and will not take a key the environment gives', async () => {
    const service = await start({ OPN_SECRET_KEY: OPN_KEY, OPN_BASE_URL: opn.baseUrl }, settingsFromEnvFile(OPN_KEY, opn.baseUrl));
    const view = await call<SettingsView>(service, 'getSettings');
    expect(view.keys.opn).toEqual({ set: true, source: 'environment' });
    expect(view.locked).toEqual({ 'credentials.opnSecretKey': 'OPN_SECRET_KEY', 'providers.opn.baseUrl': 'OPN_BASE_URL' });
    const error = await refusal(service, 'saveSettings', { credentials: { opnSecretKey: 'skey_test_other123' }, keyStorageConsent: true });
    expect(error.fields?.['credentials.opnSecretKey']).toBe('is set by the environment variable OPN_SECRET_KEY; change it there');
  });

  it('sends a key only to the base URL in force: another address needs a typed key, and one the environment sets cannot move (row 5)', async () => {
    const attacker = await startCapture();
    try {
      const service = await start({}, { providers: { opn: { secretKey: OPN_KEY, baseUrl: opn.baseUrl } } });
      const stolen = await call<ConnectionCheck>(service, 'testConnection', { provider: 'opn', baseUrl: attacker.url });
      expect(stolen).toEqual({
        provider: 'opn',
        ok: false,
        message: `Type the Opn key to test it at ${attacker.url}: the key in force is only ever sent to ${opn.baseUrl}`,
        said: { area: 'settings', kind: 'test_type_key', provider: 'opn', url: attacker.url, inForce: opn.baseUrl },
      });
      expect(worded(stolen.said)).toBe(stolen.message);
      const plainHttp = await refusal(service, 'testConnection', { provider: 'opn', baseUrl: 'http://attacker.example' });
      expect(plainHttp.fields?.['baseUrl']).toMatch(/^must be an https:\/\/ address: it receives the secret key with every request/);
      // A typed key may be tried anywhere: it is the person's own.
      const typed = await call<ConnectionCheck>(service, 'testConnection', { provider: 'opn', key: 'skey_test_typedHere1', baseUrl: attacker.url });
      expect(typed.ok).toBe(false);
      expect(attacker.requests.map((r) => r.authorization)).toEqual([`Basic ${Buffer.from('skey_test_typedHere1:').toString('base64')}`]);

      const locked = await start({ OPN_SECRET_KEY: OPN_KEY, OPN_BASE_URL: opn.baseUrl }, settingsFromEnvFile(OPN_KEY, opn.baseUrl));
      const moved = await call<ConnectionCheck>(locked, 'testConnection', { provider: 'opn', key: OPN_KEY, baseUrl: attacker.url });
      expect(moved.message).toBe(`The Opn base URL is set by the environment variable OPN_BASE_URL (${opn.baseUrl}); it cannot be changed from this screen`);
      expect(worded(moved.said)).toBe(moved.message);
      expect(attacker.requests).toHaveLength(1);
      expect(JSON.stringify(attacker.requests)).not.toContain(Buffer.from(`${OPN_KEY}:`).toString('base64'));
    } finally {
      await attacker.close();
    }
  });

  it('will not save an address the key would travel to in the clear, nor move a stored key without typing it again (row 5)', async () => {
    const attacker = await startCapture();
    try {
      const service = await start({}, { providers: { opn: { secretKey: OPN_KEY, baseUrl: opn.baseUrl } } });
      const current = await call<SettingsView>(service, 'getSettings');
      const withUrl = (baseUrl: string) => ({ providers: { ...current.values.providers, opn: { ...current.values.providers.opn, baseUrl } } });
      const clear = await refusal(service, 'saveSettings', withUrl('http://192.168.1.50:8080'));
      expect(clear.fields?.['providers.opn.baseUrl']).toMatch(/^must be an https:\/\/ address/);
      const moved = await refusal(service, 'saveSettings', withUrl(attacker.url));
      expect(moved.fields).toEqual({ 'credentials.opnSecretKey': `must be typed again to be sent to ${attacker.url}: a key is only sent to the address it was set for` });
      expect(service.settings.providers.opn.baseUrl).toBe(opn.baseUrl);
      expect(attacker.requests).toEqual([]);

      const locked = await start({ OPN_SECRET_KEY: OPN_KEY }, { providers: { opn: { secretKey: OPN_KEY, baseUrl: opn.baseUrl } } });
      const lockedView = await call<SettingsView>(locked, 'getSettings');
      const lockedMove = await refusal(locked, 'saveSettings', {
        providers: { ...lockedView.values.providers, opn: { ...lockedView.values.providers.opn, baseUrl: attacker.url } },
      });
      expect(lockedMove.fields).toEqual({ 'providers.opn.baseUrl': 'cannot move while the key is set by the environment variable OPN_SECRET_KEY: set the address there too' });
      expect(attacker.requests).toEqual([]);
    } finally {
      await attacker.close();
    }
  });

  it('refuses an environment that would send a key over plain http to another machine', () => {
    const parsed = settingsSchema.safeParse({ providers: { opn: { baseUrl: 'http://api.omise.co' } } });
    expect(parsed.success).toBe(false);
    expect(settingsSchema.safeParse({ providers: { opn: { baseUrl: 'http://127.0.0.1:4010' } } }).success).toBe(true);
    expect(settingsSchema.safeParse({ providers: { orangepill: { baseUrl: 'http://[::1]:4010' } } }).success).toBe(true);
    expect(settingsSchema.safeParse({ providers: { orangepill: { baseUrl: 'http://localhost.evil.example' } } }).success).toBe(false);
  });

  it('lets the customer display look but never change settings', async () => {
    const service = await start();
    const result = await service.dispatch('saveSettings', { sounds: { enabled: false } }, 'display');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

/** The settings a host started with those variables reads (the environment applied to the file). */
function settingsFromEnvFile(key: string, baseUrl: string): Record<string, unknown> {
  return { providers: { opn: { secretKey: key, baseUrl } } };
}

/** A server on another loopback address standing in for an attacker's: it records who called and with what. */
async function startCapture(): Promise<{ url: string; requests: { authorization: string | undefined; apiKey: string | undefined }[]; close: () => Promise<void> }> {
  const requests: { authorization: string | undefined; apiKey: string | undefined }[] = [];
  const server = createServer((req, res) => {
    const apiKey = req.headers['x-api-key'];
    requests.push({ authorization: req.headers.authorization, apiKey: typeof apiKey === 'string' ? apiKey : undefined });
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'error', code: 'authentication_failure', message: 'authentication failed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.2:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
