import type { SettingsForm, SettingsView } from '../../../app/ipc/settings-schemas';
import type { SettingsErrors } from './settings-slice';

/** What every section of the form is drawn from: the settings in force, the form as edited, and main's problems with it. */
export interface SectionProps {
  readonly view: SettingsView;
  readonly draft: SettingsForm;
  readonly errors: SettingsErrors;
}
