import { describe, expect, it } from 'vitest';
import { applyEnvOverrides } from '../../electron/service/settings/env-settings';
import { settingsFromEnv } from '../../electron/service/settings/config-file';

describe('environment overrides for provider keys and base URLs', () => {
  it('sets keys and base URLs over the file, leaving the rest alone', () => {
    const raw = { merchant: { name: 'Kopi' }, providers: { opn: { baseUrl: 'https://api.omise.co' } } };
    const merged = applyEnvOverrides(raw, { OPN_SECRET_KEY: 'skey_test_abc123', OPN_BASE_URL: 'http://127.0.0.1:9999', UNRELATED: 'x' });
    expect(merged).toEqual({
      merchant: { name: 'Kopi' },
      providers: { opn: { baseUrl: 'http://127.0.0.1:9999', secretKey: 'skey_test_abc123' } },
    });
    expect(raw.providers.opn).toEqual({ baseUrl: 'https://api.omise.co' });
  });

  it('ignores empty variables', () => {
    expect(applyEnvOverrides({}, { ORANGEPILL_API_KEY: '' })).toEqual({});
  });

  it('validates what the environment gives, naming the source', () => {
    const result = settingsFromEnv({ OPN_SECRET_KEY: 'pkey_test_public' });
    expect(result).toEqual({ ok: false, error: ['environment: providers.opn.secretKey must be an Opn secret key (skey_…)'] });
    const good = settingsFromEnv({ ORANGEPILL_API_KEY: 'AXVubzpwQDU1dzByYM==', ORANGEPILL_MERCHANT_ALIAS: '@pet_shop' });
    expect(good.ok && good.value.providers.orangepill).toMatchObject({ apiKey: 'AXVubzpwQDU1dzByYM==', merchantAlias: '@pet_shop' });
  });
});

describe('provider settings that only make sense together', () => {
  it('refuses an Orangepill API key without the merchant alias', () => {
    expect(settingsFromEnv({ ORANGEPILL_API_KEY: 'AXVubzpwQDU1dzByYM==' })).toEqual({
      ok: false,
      error: ['environment: providers.orangepill.merchantAlias must be set together with the API key: every request needs a destination alias'],
    });
  });
});
