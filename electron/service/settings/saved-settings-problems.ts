import type { z } from 'zod';
import type { Said } from '../../../app/i18n/said';
import type { SavedFieldIssue, SettingsSaid } from '../../../app/i18n/said/settings';
import type { SettingsProblem } from '../../../app/ipc/settings-schemas';
import { describeSettingsError } from '../../../app/settings/settings';
import { fieldSaid } from '../../../app/settings/field-problem';

/*
 * Saved settings that could be read but not used, said field by field: each field's path, the
 * schema's English for it, and the same as the field's own `Said` where it has one, so a Malay or
 * Chinese settings screen words each field as it does beneath the field itself.
 */

const settingsSaid = (said: Said | undefined): SettingsSaid | null => (said !== undefined && said.area === 'settings' ? said : null);

/** The screen-settings file's fields that are of the wrong type or unknown (its English is `describeSettingsError`'s). */
export function screenSettingsWrong(file: string, error: z.ZodError, notUsed: string): SettingsProblem {
  const issues: SavedFieldIssue[] = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return issue.code === 'unrecognized_keys' ? { path, unknown: issue.keys } : { path, message: issue.message, said: settingsSaid(fieldSaid(issue.message)) };
  });
  return { message: `${file}: ${describeSettingsError(error).join('; ')}; ${notUsed}`, said: { area: 'settings', kind: 'screen_settings_wrong', file, issues } };
}

/**
 * The saved settings that, with the settings file, make settings that do not fit: `problems` and
 * `saids` by the screen's paths (settings-store.ts screenFieldProblems / screenFieldSaids).
 */
export function savedSettingsDoNotFit(problems: Readonly<Record<string, string>>, saids: Readonly<Record<string, Said>>): SettingsProblem {
  const fields: SavedFieldIssue[] = Object.entries(problems).map(([path, message]) => ({ path, message, said: settingsSaid(saids[path]) }));
  const listed = fields.map((field) => ('message' in field ? `${field.path} ${field.message}` : field.path)).join('; ');
  return {
    message: `The settings saved on this terminal do not fit the settings file (${listed}); the file's settings are in force until they are saved again`,
    said: { area: 'settings', kind: 'saved_settings_do_not_fit', fields },
  };
}
