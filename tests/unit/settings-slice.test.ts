import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiResult, CommandArgs } from '../../app/ipc/contract';
import { settingsFormSchema, type ConnectionCheck, type SaveSettingsArgs, type SettingsForm, type SettingsView } from '../../app/ipc/settings-schemas';
import { createSettingsActions, createSettingsSlice, type SettingsActions, type SettingsApi, type SettingsSlice } from '../../renderer/cashier/settings/settings-slice';
import { saveAnswerText } from '../../renderer/cashier/settings/settings-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { deferred, type Deferred } from '../support/engine-harness';

// The form as a terminal with no settings file has it; each test changes only what it is about.
const form: SettingsForm = settingsFormSchema.parse({
  merchant: { name: 'Demo Shop', addressLines: ['1 Jalan Besar'], logoText: null },
  payment: { qrExpirySeconds: 900 },
  language: { display: ['en'] },
  sounds: { enabled: true },
  customerDisplay: { displayId: null },
  startup: { openAtLogin: false },
  posApi: { enabled: false, port: 5180, bind: 'loopback', allowRefunds: false },
  providers: {
    opn: { baseUrl: 'https://api.omise.co', omiseVersion: '2019-05-29' },
    orangepill: { baseUrl: 'https://api.orangepill.cloud', merchantAlias: null, store: null, merchant: null, callbackUrl: null },
  },
});
const viewOf = (values: SettingsForm, more: Partial<SettingsView> = {}): SettingsView => ({
  values,
  keys: { opn: { set: true, source: 'this terminal' }, orangepill: { set: false, source: null } },
  locked: {},
  keyStorage: { description: 'encrypted by the operating system', needsConsent: false },
  savedIn: '/var/lib/qr-terminal/settings.json',
  monitors: null,
  problem: null,
  ...more,
});
const good = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const refused = (fields: Record<string, string>): ApiResult<never> => ({ ok: false, error: { code: 'invalid_args', message: 'Invalid arguments', fields } });

type Reply<T> = ApiResult<T> | null | Deferred<ApiResult<T> | null>;
const answer = <T>(reply: Reply<T>): Promise<ApiResult<T> | null> => (reply !== null && 'promise' in reply ? reply.promise : Promise.resolve(reply));

/** Settings as the screen uses them: replies are set per test, and what was sent is kept. */
class FakeSettingsApi implements SettingsApi {
  loaded: Reply<SettingsView> = good(viewOf(form));
  saved: Reply<SettingsView> = good(viewOf(form));
  checked: Reply<ConnectionCheck> = good({ provider: 'opn', ok: true, message: 'Opn Payments accepted the key at https://api.omise.co' });
  readonly saves: SaveSettingsArgs[] = [];
  readonly tests: CommandArgs<'testConnection'>[] = [];

  readonly getSettings = async (): Promise<ApiResult<SettingsView>> => {
    const reply = await answer(this.loaded);
    if (reply === null) throw new Error('getSettings needs no approval');
    return reply;
  };
  readonly saveSettings = (args: SaveSettingsArgs) => {
    this.saves.push(args);
    return answer(this.saved);
  };
  readonly testConnection = (args: CommandArgs<'testConnection'>) => {
    this.tests.push(args);
    return answer(this.checked);
  };
}

let api: FakeSettingsApi;
let store: StoreApi<SettingsSlice>;
let settings: SettingsActions;
const state = () => store.getState();
/** What the last save said, as the English screen shows it. */
const said = () => {
  const answer = state().settingsAnswer;
  return answer === null ? null : saveAnswerText(answer, CASHIER_WORDS.en.settings, (told) => told.message);
};

beforeEach(() => {
  api = new FakeSettingsApi();
  store = createStore<SettingsSlice>()((...a) => createSettingsSlice(...a));
  settings = createSettingsActions(api, store);
});

describe('the settings slice', () => {
  it('opens empty and shows the settings in force, the form as they are', async () => {
    const loading = deferred<ApiResult<SettingsView> | null>();
    api.loaded = loading;
    const opening = settings.open();
    expect(state().settingsView).toBeNull();
    expect(state().settingsDraft).toBeNull();
    loading.resolve(good(viewOf(form)));
    await opening;
    expect(state().settingsView).toEqual(viewOf(form));
    expect(state().settingsDraft).toEqual(form);
    expect(state().settingsLoadError).toBeNull();
  });

  it('says why the settings could not be read', async () => {
    api.loaded = { ok: false, error: { code: 'internal', message: 'The settings file could not be read' } };
    await settings.open();
    expect(state().settingsView).toBeNull();
    expect(state().settingsLoadError).toBe('The settings file could not be read');
  });

  it('drops settings that arrive after the screen closed', async () => {
    const loading = deferred<ApiResult<SettingsView> | null>();
    api.loaded = loading;
    const opening = settings.open();
    settings.close();
    loading.resolve(good(viewOf(form)));
    await opening;
    expect(state().settingsView).toBeNull();
  });

  it('edits a section of the draft, and an edit makes the last answer stale', async () => {
    await settings.open();
    await settings.save();
    expect(said()?.ok).toBe(true);
    state().editSettings('merchant', { ...form.merchant, name: 'Kopi Corner' });
    expect(state().settingsDraft?.merchant.name).toBe('Kopi Corner');
    expect(state().settingsView?.values.merchant.name).toBe('Demo Shop');
    expect(state().settingsAnswer).toBeNull();
  });

  it('saves the draft without empty address lines and says where it was saved', async () => {
    await settings.open();
    state().editSettings('merchant', { ...form.merchant, name: 'Kopi Corner', addressLines: ['1 Jalan Besar', '  '] });
    const saved = viewOf({ ...form, merchant: { ...form.merchant, name: 'Kopi Corner' } });
    api.saved = good(saved);
    await settings.save();
    expect(api.saves).toEqual([{ ...form, merchant: { ...form.merchant, name: 'Kopi Corner', addressLines: ['1 Jalan Besar'] } }]);
    expect(state().settingsSaving).toBe(false);
    expect(state().settingsView).toEqual(saved);
    expect(state().settingsDraft).toEqual(saved.values);
    expect(said()).toEqual({ ok: true, text: 'Saved; the terminal restarted with them', details: 'Saved in /var/lib/qr-terminal/settings.json' });
  });

  it('says a save lasts for this run when the terminal keeps no settings file', async () => {
    api.saved = good(viewOf(form, { savedIn: null }));
    await settings.open();
    await settings.save();
    expect(said()).toEqual({ ok: true, text: 'Saved for this run (this terminal keeps no settings file); the terminal restarted with them' });
  });

  it('shows a refused save at each field and keeps the draft and the keys typed', async () => {
    await settings.open();
    state().editSettings('merchant', { ...form.merchant, name: '' });
    state().editKey('orangepill', { kind: 'set', value: 'op-key' });
    const saving = deferred<ApiResult<SettingsView> | null>();
    api.saved = saving;
    const save = settings.save();
    expect(state().settingsSaving).toBe(true);
    saving.resolve(refused({ 'merchant.name': 'must not be empty', 'providers.orangepill.merchantAlias': 'must be set with a key' }));
    await save;
    expect(state().settingsSaving).toBe(false);
    expect(state().settingsErrors).toEqual({ 'merchant.name': { message: 'must not be empty' }, 'providers.orangepill.merchantAlias': { message: 'must be set with a key' } });
    expect(said()).toEqual({ ok: false, text: 'Nothing was saved: 2 settings need correcting, as shown at each field' });
    expect(state().settingsDraft?.merchant.name).toBe('');
    expect(state().settingsKeys.orangepill).toEqual({ kind: 'set', value: 'op-key' });
  });

  it('counts one field to correct in the singular, and passes any other refusal on as main said it', async () => {
    await settings.open();
    api.saved = refused({ 'payment.qrExpirySeconds': 'must be at least 30' });
    await settings.save();
    expect(said()?.text).toBe('Nothing was saved: one setting needs correcting, as shown at its field');
    api.saved = { ok: false, error: { code: 'invalid_state', message: 'Settings cannot change while a sale is in progress' } };
    await settings.save();
    expect(said()).toEqual({ ok: false, text: 'Settings cannot change while a sale is in progress' });
    expect(state().settingsErrors).toEqual({});
  });

  it('leaves everything as it was when the cashier goes back from the manager approval', async () => {
    await settings.open();
    state().editSettings('sounds', { enabled: false });
    api.saved = null;
    await settings.save();
    expect(state().settingsSaving).toBe(false);
    expect(state().settingsAnswer).toBeNull();
    expect(state().settingsDraft?.sounds.enabled).toBe(false);
  });

  it('sends a typed key with the consent, a removed key as null, and forgets both once saved', async () => {
    await settings.open();
    state().editKey('opn', { kind: 'clear' });
    state().editKey('orangepill', { kind: 'set', value: 'op-key' });
    state().setSettingsConsent(true);
    await settings.save();
    expect(api.saves[0]).toMatchObject({ credentials: { opnSecretKey: null, orangepillApiKey: 'op-key' }, keyStorageConsent: true });
    expect(state().settingsKeys).toEqual({ opn: { kind: 'keep' }, orangepill: { kind: 'keep' } });
    expect(state().settingsConsent).toBe(false);
  });

  it('sends no credentials and no consent when no key was touched', async () => {
    await settings.open();
    state().setSettingsConsent(true);
    await settings.save();
    expect(api.saves[0]).not.toHaveProperty('credentials');
    expect(api.saves[0]).not.toHaveProperty('keyStorageConsent');
  });

  it('keeps locked fields as the environment sets them and sends them back unchanged', async () => {
    const locked = { 'providers.opn.baseUrl': 'OPN_BASE_URL', 'credentials.opnSecretKey': 'OPN_SECRET_KEY' };
    const lockedForm = { ...form, providers: { ...form.providers, opn: { ...form.providers.opn, baseUrl: 'http://127.0.0.1:4010' } } };
    api.loaded = good(viewOf(lockedForm, { locked, keys: { opn: { set: true, source: 'environment' }, orangepill: { set: false, source: null } } }));
    await settings.open();
    expect(state().settingsView?.locked).toEqual(locked);
    state().editSettings('merchant', { ...lockedForm.merchant, name: 'Kopi Corner' });
    await settings.save();
    expect(api.saves[0]?.providers?.opn.baseUrl).toBe('http://127.0.0.1:4010');
    expect(api.saves[0]).not.toHaveProperty('credentials');
  });

  it('tests a connection with the key typed and the base URL in the form, and shows the answer', async () => {
    await settings.open();
    state().editKey('opn', { kind: 'set', value: 'skey_test_typed' });
    const checking = deferred<ApiResult<ConnectionCheck> | null>();
    api.checked = checking;
    const test = settings.testConnection('opn');
    expect(state().settingsChecks.opn).toBe('checking');
    checking.resolve({ ok: false, error: { code: 'provider_error', message: "Opn refused the terminal's secret key" } });
    await test;
    expect(api.tests).toEqual([{ provider: 'opn', key: 'skey_test_typed', baseUrl: 'https://api.omise.co' }]);
    expect(state().settingsChecks.opn).toEqual({ provider: 'opn', ok: false, message: "Opn refused the terminal's secret key" });
    // A new key makes that provider's answer stale.
    state().editKey('opn', { kind: 'keep' });
    expect(state().settingsChecks.opn).toBeUndefined();
  });

  it('tests the key in force at the base URL in force when none is typed, and shows nothing when the cashier goes back', async () => {
    await settings.open();
    state().editSettings('providers', { ...form.providers, orangepill: { ...form.providers.orangepill, baseUrl: '  ' } });
    api.checked = null;
    await settings.testConnection('orangepill');
    expect(api.tests).toEqual([{ provider: 'orangepill' }]);
    expect(state().settingsChecks.orangepill).toBeUndefined();
  });
});
