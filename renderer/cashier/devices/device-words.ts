import type { ApiError } from '../../../app/ipc/contract';
import { DEVICE_SETTING_PROBLEMS, GOT, type DeviceSettingProblem } from '../../../app/settings/device-setting-problems';
import type { PanelAnswer } from '../history/history-slice';
import type { Told } from '../shared/told';
import type { DeviceWords } from '../words/devices';

/** The Devices panel's fields as the cashier sees them labelled, by the path the terminal checks them under. */
function fieldNames(words: DeviceWords): Readonly<Record<string, string>> {
  const s = words.saving;
  return {
    'printer.connection': s.printerConnection,
    'printer.connection.kind': s.printerConnection,
    'printer.connection.host': s.printerHost,
    'printer.connection.port': s.printerPort,
    'printer.connection.path': s.printerDevice,
    'printer.connection.baudRate': s.printerBaudRate,
    'printer.paper': s.printerPaper,
    'printer.qr': s.printerQr,
    'poleDisplay.port': s.polePort,
    'poleDisplay.port.path': s.polePort,
    'poleDisplay.port.baudRate': s.poleBaudRate,
    'poleDisplay.commandSet': s.poleCommandSet,
    'poleDisplay.welcome': s.welcomeText,
    'poleDisplay.welcome.0': words.poleForm.welcome1,
    'poleDisplay.welcome.1': words.poleForm.welcome2,
  };
}

/** The nearest field the panel shows for a path ("printer.connection.host.0" → the host); null when none. */
function fieldName(path: string, words: DeviceWords): string | null {
  const names = fieldNames(words);
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const name = names[parts.join('.')];
    if (name !== undefined) return name;
  }
  return null;
}

const PROBLEMS = Object.entries(DEVICE_SETTING_PROBLEMS) as [DeviceSettingProblem, string][];

/**
 * A field's problem in the cashier's language: the check's English is one of DEVICE_SETTING_PROBLEMS,
 * a path's followed by what was typed ("…, got foo"). Any other (a newer terminal's) stays as it came.
 */
export function problemText(problem: string, words: DeviceWords): string {
  for (const [key, english] of PROBLEMS) {
    if (problem === english) return words.saving.problems[key];
    if (problem.startsWith(`${english}${GOT}`)) return `${words.saving.problems[key]}${words.saving.got(problem.slice(english.length + GOT.length))}`;
  }
  return problem;
}

/**
 * A refused save in the panel's words: each field by its label, never by its path in the settings
 * file. A problem that is already a sentence (a refused device path) is said whole, in the cashier's
 * language when it came with a `Said` (`fieldsSaid`); the terminal's
 * own wording, paths included, goes under Details for whoever fixes the settings file. Each problem
 * the check is known to find is said in the cashier's language; a refusal without fields is worded
 * by `say` (a sale in progress, a manager's approval).
 */
export function deviceSaveRefusal(error: ApiError, words: DeviceWords, say: (told: Told) => string): PanelAnswer {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) return { ok: false, text: say(error) };
  const sentences = fields.map(([path, problem]) => {
    // A refused device path is a whole sentence, worded from its Said where the terminal gave one
    // (a field problem's Said says the problem alone, so those keep the field's label below).
    const said = error.fieldsSaid?.[path];
    if (said?.kind === 'device_path_refused') return say({ message: problem, said });
    if (/^[A-Z]/.test(problem)) return problem;
    return words.saving.fieldProblem(fieldName(path, words) ?? words.saving.anySetting, problemText(problem, words));
  });
  const text = sentences.join(' ');
  return text === error.message ? { ok: false, text } : { ok: false, text, details: error.message };
}

/** A save that went through: where the file is only under Details. */
export function deviceSavedAnswer(savedIn: string | null, words: DeviceWords): PanelAnswer {
  return savedIn === null
    ? { ok: true, text: words.saving.savedForRun }
    : { ok: true, text: words.saving.savedRestarted, details: words.saving.savedIn(savedIn) };
}
