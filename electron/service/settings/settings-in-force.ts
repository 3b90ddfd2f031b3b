import type { SettingsProblem } from '../../../app/ipc/settings-schemas';
import type { Settings } from '../../../app/settings/settings';
import type { Logger } from '../logging/logger';
import { memoryCredentialStore, NO_CREDENTIALS, plainFileCredentialStore, type CredentialStore, type ProviderCredentials } from './credential-store';
import { composeSettings, loadScreenSettings, lockedByEnv, screenFieldProblems, screenFieldSaids, screenSettingsPath, type SavedSections } from './settings-store';
import { savedSettingsDoNotFit } from './saved-settings-problems';

export interface SettingsSources {
  /** The settings file's (and environment's) settings, before anything saved on the screen. */
  readonly file: Settings;
  readonly log: Logger;
  readonly dataDir?: string;
  /** Where provider keys set on the settings screen are kept; a 0600 file in dataDir unless the shell gives its keychain. */
  readonly credentials?: CredentialStore;
  /** The environment the settings were read with: the fields it sets are shown locked on the settings screen. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The settings in force and where each part came from; changed only by a save that went through. */
export interface SettingsInForce {
  readonly file: Settings;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly locked: Record<string, string>;
  readonly savedIn: string | null;
  readonly credentials: CredentialStore;
  saved: SavedSections;
  keys: ProviderCredentials;
  settings: Settings;
  /** What could not be read at start (a damaged file, keys that cannot be opened), shown on the settings screen. */
  readonly problems: SettingsProblem[];
}

/** The file's settings, then the screen's, then the environment's; anything unreadable is reported and left out. */
export async function loadSettingsInForce(sources: SettingsSources): Promise<SettingsInForce> {
  const { log } = sources;
  const env = sources.env ?? {};
  const savedIn = sources.dataDir === undefined ? null : screenSettingsPath(sources.dataDir);
  const credentials = sources.credentials ?? (sources.dataDir === undefined ? memoryCredentialStore() : plainFileCredentialStore(sources.dataDir));
  const problems: SettingsProblem[] = [];
  let saved: SavedSections = {};
  if (savedIn !== null) {
    const loaded = loadScreenSettings(savedIn);
    if (loaded.ok) saved = loaded.value;
    else {
      log.log('error', 'screen settings ignored', { error: loaded.error.message });
      problems.push(loaded.error);
    }
  }
  let keys: ProviderCredentials = NO_CREDENTIALS;
  const loadedKeys = await credentials.load();
  if (loadedKeys.ok) keys = loadedKeys.value;
  else {
    const problem = typeof loadedKeys.error === 'string' ? { message: loadedKeys.error } : loadedKeys.error;
    log.log('error', 'stored provider keys ignored', { error: problem.message });
    problems.push(problem);
  }
  for (const key of [keys.opnSecretKey, keys.orangepillApiKey]) if (key !== null) log.redact(key);

  const composed = composeSettings(sources.file, saved, keys, env);
  const state = { file: sources.file, env, locked: lockedByEnv(env), savedIn, credentials, saved, keys, settings: sources.file, problems };
  if (composed.ok) return { ...state, settings: composed.value };
  const problem = savedSettingsDoNotFit(screenFieldProblems(composed.error), screenFieldSaids(composed.error));
  log.log('error', 'screen settings ignored', { error: problem.message });
  problems.push(problem);
  return { ...state, saved: {}, keys: NO_CREDENTIALS };
}
