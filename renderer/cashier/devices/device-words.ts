import type { ApiError } from '../../../app/ipc/contract';
import type { PanelAnswer } from '../history/history-slice';

/** The Devices panel's fields as the cashier sees them labelled, by the path the terminal checks them under. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  'printer.connection': "The printer's connection",
  'printer.connection.kind': "The printer's connection",
  'printer.connection.host': "The printer's host",
  'printer.connection.port': "The printer's port",
  'printer.connection.path': "The printer's device",
  'printer.connection.baudRate': "The printer's baud rate",
  'printer.paper': "The printer's paper",
  'printer.qr': "The printer's QR code choice",
  'poleDisplay.port': "The pole display's serial port",
  'poleDisplay.port.path': "The pole display's serial port",
  'poleDisplay.port.baudRate': "The pole display's baud rate",
  'poleDisplay.commandSet': "The pole display's command set",
  'poleDisplay.welcome': 'The welcome text',
  'poleDisplay.welcome.0': 'Welcome, line 1',
  'poleDisplay.welcome.1': 'Welcome, line 2',
};

/** The nearest field the panel shows for a path ("printer.connection.host.0" → the host); null when none. */
function fieldName(path: string): string | null {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const name = FIELD_NAMES[parts.join('.')];
    if (name !== undefined) return name;
  }
  return null;
}

/**
 * A refused save in the panel's words: each field by its label, never by its path in the settings
 * file. A problem that is already a sentence (a refused device path) is kept whole; the terminal's
 * own wording, paths included, goes under Details for whoever fixes the settings file.
 */
export function deviceSaveRefusal(error: ApiError): PanelAnswer {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) return { ok: false, text: error.message };
  const sentences = fields.map(([path, problem]) => {
    if (/^[A-Z]/.test(problem)) return problem;
    const name = fieldName(path) ?? 'A device setting';
    return `${name} ${problem}.`;
  });
  const text = sentences.join(' ');
  return text === error.message ? { ok: false, text } : { ok: false, text, details: error.message };
}

/** A save that went through: where the file is only under Details. */
export function deviceSavedAnswer(savedIn: string | null): PanelAnswer {
  return savedIn === null
    ? { ok: true, text: 'Saved for this run (this terminal keeps no settings file)' }
    : { ok: true, text: 'Saved; the devices restarted with it', details: `Saved in ${savedIn}` };
}
