import type { SettingsSaid } from '../../../app/i18n/said/settings';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const SETTINGS_SAMPLES: readonly SettingsSaid[] = [{ area: 'settings', kind: 'sale_in_progress', amount: { minor: 1234, currency: 'SGD' } }];
