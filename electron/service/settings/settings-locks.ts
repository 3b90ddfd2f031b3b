import type { SaveSettingsArgs } from '../../../app/ipc/settings-schemas';
import type { Settings } from '../../../app/settings/settings';

/**
 * What a save from the settings screen may not do, by field: change what the environment sets, or
 * send a key somewhere new. A key goes only to the address it was given for, so moving a provider's
 * base URL takes its key typed again in the same save (else the cashier token could redirect it).
 */
export function lockedFieldProblems(args: SaveSettingsArgs, settings: Settings, locked: Readonly<Record<string, string>>): Record<string, string> {
  const fields: Record<string, string> = {};
  const providers = [
    ['opn', 'opnSecretKey', settings.providers.opn.secretKey],
    ['orangepill', 'orangepillApiKey', settings.providers.orangepill.apiKey],
  ] as const;
  for (const [provider, keyName, keyInForce] of providers) {
    const keyLockedBy = locked[`credentials.${keyName}`];
    if (keyLockedBy !== undefined && args.credentials?.[keyName] !== undefined) {
      fields[`credentials.${keyName}`] = `is set by the environment variable ${keyLockedBy}; change it there`;
    }
    const asked = args.providers?.[provider].baseUrl;
    if (asked === undefined || asked === settings.providers[provider].baseUrl) continue;
    const urlLockedBy = locked[`providers.${provider}.baseUrl`];
    if (urlLockedBy !== undefined) fields[`providers.${provider}.baseUrl`] = `is set by the environment variable ${urlLockedBy}; change it there`;
    else if (keyLockedBy !== undefined) {
      fields[`providers.${provider}.baseUrl`] = `cannot move while the key is set by the environment variable ${keyLockedBy}: set the address there too`;
    } else if (keyInForce !== null && typeof args.credentials?.[keyName] !== 'string') {
      fields[`credentials.${keyName}`] = `must be typed again to be sent to ${asked}: a key is only sent to the address it was set for`;
    }
  }
  return fields;
}
