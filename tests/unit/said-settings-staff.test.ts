import { describe, expect, it } from 'vitest';
import { commandSchemas, describeInvalidArgs, fieldProblems } from '../../app/ipc/contract';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { fieldSaids, knownFieldProblems } from '../../app/settings/field-problem';
import { describeVaultProtection, type LinuxStorageBackend } from '../../electron/main/credential-vault';
import { memoryCredentialStore, plainFileCredentialStore } from '../../electron/service/settings/credential-store';
import { lockedFieldProblems } from '../../electron/service/settings/settings-locks';
import { createAuthorizer } from '../../electron/service/staff/authorize';
import { createStaffService } from '../../electron/service/staff/staff-service';
import { worded } from '../support/said-english';

/*
 * Each settings and staff answer's `Said`, worded in English by the cashier screen, is exactly the
 * sentence the service wrote: through the schemas, the locks, the key stores, the staff service and
 * the role check (PIN waits on a fake clock). So a Malay or Chinese screen says the same facts.
 */

/** Each field's problem worded in English, beside what the service wrote there. */
function bothWays(fields: Readonly<Record<string, string>>, saids: Readonly<Record<string, Parameters<typeof worded>[0]>>) {
  const english = Object.fromEntries(Object.keys(fields).map((path) => [path, worded(saids[path])]));
  return { written: fields, worded: english };
}

describe('settings field problems', () => {
  it('every sentence a schema says has a Said whose English is that sentence', () => {
    const known = knownFieldProblems();
    expect(known.length).toBeGreaterThan(25);
    for (const [english, said] of known) expect(worded(said)).toBe(english);
  });

  it('the settings form’s own bad inputs each come with their Said, by the same path', () => {
    const form = {
      merchant: { name: '', addressLines: ['x'.repeat(49), '', '', '', ''], logoText: 'X'.repeat(17) },
      payment: { qrExpirySeconds: 10.5, entry: 'cents' },
      language: { display: ['en', 'en'], cashier: 'ms' },
      providers: {
        opn: { baseUrl: 'http://api.omise.co', omiseVersion: 'latest' },
        orangepill: { baseUrl: 'ftp://x', merchantAlias: 'shop', store: '', merchant: 'M'.repeat(81), callbackUrl: 'nope' },
      },
      credentials: { opnSecretKey: 'pkey_123', orangepillApiKey: 'short' },
      unknown: true,
    };
    const parsed = commandSchemas.saveSettings.safeParse(form);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const fields = fieldProblems(parsed.error);
    expect(Object.keys(fields).length).toBeGreaterThan(12);
    const { written, worded: english } = bothWays(fields, fieldSaids(parsed.error));
    expect(english).toEqual(written);
    expect(describeInvalidArgs('saveSettings', parsed.error)).toContain('merchant.name must not be empty');
  });

  it('too long, too short or not whole seconds: each bound as the schema says it', () => {
    for (const qrExpirySeconds of [5, 50_000, 'soon']) {
      const parsed = commandSchemas.saveSettings.safeParse({ payment: { qrExpirySeconds, entry: 'cents' } });
      if (parsed.success) throw new Error('accepted');
      const { written, worded: english } = bothWays(fieldProblems(parsed.error), fieldSaids(parsed.error));
      expect(english).toEqual(written);
    }
  });

  it('locks by the environment, and a key moved to another address, in both forms', () => {
    const settings = { ...DEFAULT_SETTINGS, providers: { ...DEFAULT_SETTINGS.providers, opn: { ...DEFAULT_SETTINGS.providers.opn, secretKey: 'skey_test_inForce1' } } };
    const url = (baseUrl: string) => ({ opn: { baseUrl, omiseVersion: '2019-05-29' }, orangepill: { baseUrl, merchantAlias: null, store: null, merchant: null, callbackUrl: null } });
    const moved = lockedFieldProblems({ providers: url('https://eu.api.example') }, settings, {});
    expect(moved.fields).toEqual({ 'credentials.opnSecretKey': 'must be typed again to be sent to https://eu.api.example: a key is only sent to the address it was set for' });
    const locked = lockedFieldProblems(
      { providers: url('https://eu.api.example'), credentials: { orangepillApiKey: 'typed-key-123' } },
      settings,
      { 'providers.opn.baseUrl': 'OPN_BASE_URL', 'credentials.orangepillApiKey': 'ORANGEPILL_API_KEY' },
    );
    expect(Object.keys(locked.fields).sort()).toEqual(['credentials.orangepillApiKey', 'providers.opn.baseUrl', 'providers.orangepill.baseUrl']);
    for (const problems of [moved, locked]) {
      const { written, worded: english } = bothWays(problems.fields, problems.saids);
      expect(english).toEqual(written);
    }
  });
});

describe('how the keys are kept', () => {
  it('every protection level says in English what the store says', () => {
    const file = '/home/shop/.config/qr-terminal/credentials.enc';
    const backends: (LinuxStorageBackend | null)[] = ['basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'unknown', null];
    const protections = [
      describeVaultProtection(false, 'linux', null, file),
      ...(['darwin', 'win32', 'freebsd'] as const).map((platform) => describeVaultProtection(true, platform, null, file)),
      ...backends.map((backend) => describeVaultProtection(true, 'linux', backend, file)),
      plainFileCredentialStore('/var/lib/qr-terminal').protection,
      memoryCredentialStore().protection,
    ];
    for (const protection of protections) expect(worded(protection.said)).toBe(protection.description);
    expect(new Set(protections.map((p) => p.said.kind)).size).toBe(9);
  });
});

describe('staff answers', () => {
  it('a wrong PIN, the wait after it, too many, someone unknown; then a manager’s approval refused', async () => {
    let now = 0;
    const staff = createStaffService({ file: null, clock: { now: () => now } });
    const saved = await staff.save(
      [
        { id: 'mei', name: 'Mei', role: 'manager', pin: '2468' },
        { id: 'ali', name: 'Ali', role: 'cashier', pin: '1357' },
      ],
      { mode: 'over', thresholdMinor: 1000 },
    );
    expect(saved.ok).toBe(true);
    const refusals = [];
    for (const pin of ['0000', '0001', '0002']) refusals.push(await staff.check('mei', pin, 'screen-1'));
    refusals.push(await staff.check('mei', '2468', 'screen-1'));
    refusals.push(await staff.check('nobody', '2468', 'screen-1'));
    const messages = refusals.map((r) => (r.ok ? null : r.error.message));
    expect(messages).toEqual(['Wrong PIN for Mei', 'Wrong PIN for Mei', 'Wrong PIN for Mei: try again in 1 s', 'Too many wrong PINs: try again in 1 s', 'Choose who you are from the list']);
    for (const r of refusals) if (!r.ok) expect(worded(r.error.said)).toBe(r.error.message);

    // Waits past 90 s are said in minutes.
    for (let i = 0; i < 10; i += 1) {
      now += 10 * 60_000;
      await staff.check('ali', '9999', `screen-${String(i)}`);
    }
    now += 1;
    const long = await staff.check('ali', '1357', 'screen-9');
    expect(long.ok ? null : long.error.message).toMatch(/^Too many wrong PINs: try again in \d+ min$/);
    if (!long.ok) expect(worded(long.error.said)).toBe(long.error.message);

    const signedInAli = { id: 'screen-2', operator: null, sessionToken: staff.openSession({ id: 'ali', name: 'Ali', role: 'cashier' }) };
    const authorize = createAuthorizer(staff, { currency: () => 'SGD', locale: () => 'en-SG' });
    now += 10 * 60_000;
    const asks = [
      await authorize({ command: 'closeDay', args: {}, approval: null, role: 'cashier', screen: signedInAli }),
      await authorize({ command: 'refund', args: { paymentId: 'x', amount: { minor: 1200, currency: 'SGD' } }, approval: null, role: 'cashier', screen: signedInAli }),
      await authorize({ command: 'saveSettings', args: {}, approval: { staffId: 'mei', pin: '0000' }, role: 'cashier', screen: signedInAli }),
      await authorize({ command: 'testConnection', args: {}, approval: { staffId: 'ali', pin: '1357' }, role: 'cashier', screen: signedInAli }),
    ];
    expect(asks.map((a) => (a.ok ? null : a.error.message))).toEqual([
      "A manager's PIN is needed to close the day",
      "A manager's PIN is needed to refund SGD 12.00",
      // Mei's third wrong PIN above still counts: this fourth one waits longer.
      "A manager's PIN is needed to change the settings: Wrong PIN for Mei: try again in 2 s",
      "A manager's PIN is needed to test a provider key: Ali is not a manager",
    ]);
    for (const a of asks) if (!a.ok) expect(worded(a.error.said)).toBe(a.error.message);
    const ms = asks[2]?.ok === false ? worded(asks[2].error.said, 'ms') : null;
    expect(ms).toBe('PIN pengurus diperlukan untuk menukar tetapan: PIN salah untuk Mei: cuba lagi dalam 2 saat');
  });

  it('a staff list refused: an id twice, someone new without a PIN, no manager', async () => {
    const staff = createStaffService({ file: null, clock: { now: () => 0 } });
    const refused = await staff.save(
      [
        { id: 'ali', name: 'Ali', role: 'cashier', pin: '1357' },
        { id: 'ali', name: 'Ali Two', role: 'cashier' },
      ],
      { mode: 'all' },
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(Object.keys(refused.error.fields).sort()).toEqual(['staff', 'staff.1.id', 'staff.1.pin']);
    const { written, worded: english } = bothWays(refused.error.fields, refused.error.saids);
    expect(english).toEqual(written);
  });
});
