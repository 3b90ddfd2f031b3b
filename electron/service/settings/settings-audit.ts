import { SETTINGS_SECTIONS } from '../../../app/ipc/settings-schemas';
import type { Settings } from '../../../app/settings/settings';
import { actorsOf } from '../journal/audit-writer';
import type { ProviderCredentials } from './credential-store';
import type { NewAuditEntry } from '../journal/journal-types';
import { formOf } from './settings-store';
import type { CommandContext } from '../terminal/terminal-api';

/** What a settings save is compared on: the settings in force and the keys kept on this terminal. */
export interface SettingsState {
  readonly settings: Settings;
  readonly keys: ProviderCredentials;
}

type KeyChange = 'set' | 'replaced' | 'removed';

const keyChange = (before: string | null, after: string | null): KeyChange | null => {
  if (before === after) return null;
  if (before === null) return 'set';
  return after === null ? 'removed' : 'replaced';
};

/**
 * The audit entry of a settings save: which sections of the settings screen changed, and which
 * provider's key was set, replaced or removed. Never a value: the sections are named, not copied, and
 * a key is only ever said to have changed.
 */
export function settingsAudit(before: SettingsState, after: SettingsState, context: CommandContext): NewAuditEntry {
  const was = formOf(before.settings);
  const now = formOf(after.settings);
  const sections = SETTINGS_SECTIONS.filter((section) => JSON.stringify(was[section]) !== JSON.stringify(now[section]));
  const opn = keyChange(before.keys.opnSecretKey, after.keys.opnSecretKey);
  const orangepill = keyChange(before.keys.orangepillApiKey, after.keys.orangepillApiKey);
  const keys = { ...(opn === null ? {} : { opn }), ...(orangepill === null ? {} : { orangepill }) };
  return { action: 'settings', ...actorsOf(context), detail: { sections, keys } };
}
