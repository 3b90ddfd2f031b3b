import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../app/settings/settings';
import { composeSettings, formOf, lockedByEnv, nextSavedSections, screenFieldProblems } from '../../electron/service/settings/settings-store';

const file = settingsSchema.parse({ merchant: { name: 'From File' }, providers: { opn: { secretKey: 'skey_test_fromFile1' } } });
const noKeys = { opnSecretKey: null, orangepillApiKey: null };

describe('composing the settings in force', () => {
  it('lays the screen’s sections over the file, and the environment over both', () => {
    const saved = { merchant: { name: 'From Screen', addressLines: [], logoText: null }, providers: { ...formOf(file).providers, opn: { baseUrl: 'http://127.0.0.1:1', omiseVersion: '2019-05-29' } } };
    const composed = composeSettings(file, saved, noKeys, { OPN_BASE_URL: 'http://127.0.0.1:2' });
    if (!composed.ok) throw composed.error;
    expect(composed.value.merchant.name).toBe('From Screen');
    expect(composed.value.providers.opn.baseUrl).toBe('http://127.0.0.1:2');
    // Untouched by the screen: still the file's.
    expect(composed.value.providers.opn.secretKey).toBe('skey_test_fromFile1');
    expect(composed.value.currency).toBe('SGD');
  });

  it('takes a stored key over the file’s, and the environment’s over a stored one', () => {
    const stored = { opnSecretKey: 'skey_test_stored1', orangepillApiKey: null };
    const a = composeSettings(file, {}, stored, {});
    const b = composeSettings(file, {}, stored, { OPN_SECRET_KEY: 'skey_test_fromEnv1' });
    expect(a.ok && a.value.providers.opn.secretKey).toBe('skey_test_stored1');
    expect(b.ok && b.value.providers.opn.secretKey).toBe('skey_test_fromEnv1');
  });

  it('checks the whole, and names keys by the screen’s paths', () => {
    const composed = composeSettings(file, {}, { opnSecretKey: 'not-a-key', orangepillApiKey: 'op_key_12345678' }, {});
    expect(composed.ok).toBe(false);
    if (composed.ok) return;
    expect(screenFieldProblems(composed.error)).toEqual({
      'credentials.opnSecretKey': 'must be an Opn secret key (skey_…)',
      'providers.orangepill.merchantAlias': 'must be set together with the API key: every request needs a destination alias',
    });
  });

  it('keeps only the sections that differ from the file', () => {
    const form = formOf(file);
    const next = nextSavedSections({ sounds: { enabled: false } }, { merchant: form.merchant, sounds: { enabled: true }, payment: { qrExpirySeconds: 120, entry: 'cents' } }, form);
    expect(next).toEqual({ payment: { qrExpirySeconds: 120, entry: 'cents' } });
  });

  it('names the fields the environment sets, keys by their screen path', () => {
    expect(lockedByEnv({ ORANGEPILL_API_KEY: 'x', ORANGEPILL_MERCHANT_ALIAS: '@shop', OPN_BASE_URL: '' })).toEqual({
      'credentials.orangepillApiKey': 'ORANGEPILL_API_KEY',
      'providers.orangepill.merchantAlias': 'ORANGEPILL_MERCHANT_ALIAS',
    });
  });
});
