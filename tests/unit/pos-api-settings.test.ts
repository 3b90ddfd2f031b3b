import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../../app/ipc/contract';
import { settingsSchemas } from '../../app/ipc/settings-schemas';
import { settingsSchema } from '../../app/settings/settings';
import { fieldSaids } from '../../app/settings/field-problem';

/** Each problem of a posApi section, in English and as the `Said` the screen words it with. */
function problems(posApi: unknown): { fields: Record<string, string>; saids: Record<string, unknown> } {
  const parsed = settingsSchema.safeParse({ posApi });
  if (parsed.success) return { fields: {}, saids: {} };
  return { fields: fieldProblems(parsed.error), saids: fieldSaids(parsed.error) };
}

describe('the posApi settings', () => {
  it('take a LAN address of this machine from the settings file only, and nothing but an IPv4 address', () => {
    expect(settingsSchema.parse({ posApi: { bind: 'lan', address: '192.168.1.20' } }).posApi).toEqual({ enabled: false, port: 5180, bind: 'lan', address: '192.168.1.20', allowRefunds: false });
    for (const address of ['not-an-ip', '999.1.1.1', '192.168.1', '::1', '127.0.0.1; rm -rf /', 'a'.repeat(10_000), 7]) {
      expect(problems({ bind: 'lan', address })).toEqual({
        fields: { 'posApi.address': 'must be an IPv4 address of this machine, like 192.168.1.20 (leave it unset to listen on every address)' },
        saids: { 'posApi.address': { area: 'settings', kind: 'field_not_ipv4' } },
      });
    }
    // The settings screen sends the section without it: an address from there is not a setting.
    const sent = settingsSchemas.saveSettings.safeParse({ posApi: { enabled: true, port: 5180, bind: 'lan', allowRefunds: false, address: '0.0.0.0' } });
    expect(sent.success ? {} : fieldProblems(sent.error)).toEqual({ 'posApi.address': 'is not a setting' });
  });

  it('name a bad port, bind or switch with a sentence and its Said', () => {
    expect(problems({ port: 70_000, bind: 'everywhere', enabled: 'yes', allowRefunds: 1 })).toEqual({
      fields: {
        'posApi.port': 'must be a port number (0 to 65535)',
        'posApi.bind': 'must be "loopback" (this machine only) or "lan" (the shop network, over TLS)',
        'posApi.enabled': 'must be true or false',
        'posApi.allowRefunds': 'must be true or false',
      },
      saids: {
        'posApi.port': { area: 'settings', kind: 'field_not_port' },
        'posApi.bind': { area: 'settings', kind: 'field_pos_bind' },
        'posApi.enabled': { area: 'settings', kind: 'field_true_false' },
        'posApi.allowRefunds': { area: 'settings', kind: 'field_true_false' },
      },
    });
    for (const port of [-1, 1.5, '5180', Number.NaN, null]) expect(problems({ port }).saids).toEqual({ 'posApi.port': { area: 'settings', kind: 'field_not_port' } });
  });
});
