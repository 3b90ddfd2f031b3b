import type { Said } from '../../../app/i18n/said';
import type { SaveSettingsArgs } from '../../../app/ipc/settings-schemas';
import type { Settings } from '../../../app/settings/settings';

/** Problems by field path: the English sentence (`fields`) and the same as a `Said` (`saids`). */
export interface FieldProblems {
  readonly fields: Record<string, string>;
  readonly saids: Record<string, Said>;
}

export const noFieldProblems = (): FieldProblems => ({ fields: {}, saids: {} });

/** Puts one problem at its field, in both forms. */
export function putProblem(problems: FieldProblems, path: string, message: string, said: Said): void {
  problems.fields[path] = message;
  problems.saids[path] = said;
}

/**
 * What a save from the settings screen may not do, by field: change what the environment sets, or
 * send a key somewhere new. A key goes only to the address it was given for, so moving a provider's
 * base URL takes its key typed again in the same save (else the cashier token could redirect it).
 */
export function lockedFieldProblems(args: SaveSettingsArgs, settings: Settings, locked: Readonly<Record<string, string>>): FieldProblems {
  const problems = noFieldProblems();
  const providers = [
    ['opn', 'opnSecretKey', settings.providers.opn.secretKey],
    ['orangepill', 'orangepillApiKey', settings.providers.orangepill.apiKey],
  ] as const;
  const byEnvironment = (path: string, variable: string): void =>
    putProblem(problems, path, `is set by the environment variable ${variable}; change it there`, { area: 'settings', kind: 'field_set_by_environment', variable });
  for (const [provider, keyName, keyInForce] of providers) {
    const keyLockedBy = locked[`credentials.${keyName}`];
    if (keyLockedBy !== undefined && args.credentials?.[keyName] !== undefined) byEnvironment(`credentials.${keyName}`, keyLockedBy);
    const asked = args.providers?.[provider].baseUrl;
    if (asked === undefined || asked === settings.providers[provider].baseUrl) continue;
    const urlLockedBy = locked[`providers.${provider}.baseUrl`];
    if (urlLockedBy !== undefined) byEnvironment(`providers.${provider}.baseUrl`, urlLockedBy);
    else if (keyLockedBy !== undefined) {
      putProblem(problems, `providers.${provider}.baseUrl`, `cannot move while the key is set by the environment variable ${keyLockedBy}: set the address there too`, {
        area: 'settings',
        kind: 'field_url_key_in_environment',
        variable: keyLockedBy,
      });
    } else if (keyInForce !== null && typeof args.credentials?.[keyName] !== 'string') {
      putProblem(problems, `credentials.${keyName}`, `must be typed again to be sent to ${asked}: a key is only sent to the address it was set for`, {
        area: 'settings',
        kind: 'field_key_again',
        url: asked,
      });
    }
  }
  return problems;
}
