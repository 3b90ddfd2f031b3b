import type { ApiError } from '../../../app/ipc/contract';
import type { KeyState } from '../../../app/ipc/settings-schemas';
import type { PanelAnswer } from '../history/history-slice';
import type { Told } from '../shared/told';
import type { SettingsWords } from '../words/settings';
import type { SaveAnswer } from './settings-slice';

/** The sentence above the form: for field problems, how many to fix (each is shown at its field); any other refusal as main told it, worded by `say`. */
export function describeRefusal(error: ApiError, words: SettingsWords, say: (told: Told) => string): string {
  const count = Object.keys(error.fields ?? {}).length;
  return error.code === 'invalid_args' && count > 0 ? words.answers.refused(count) : say(error);
}

/** What the last save said, in the cashier's words. The file's path is for a technician: the sentence says saved, Details says where. */
export function saveAnswerText(answer: SaveAnswer, words: SettingsWords, say: (told: Told) => string): PanelAnswer {
  if (answer.kind === 'refused') return { ok: false, text: describeRefusal(answer.error, words, say) };
  return answer.savedIn === null
    ? { ok: true, text: words.answers.savedForThisRun }
    : { ok: true, text: words.answers.saved, details: words.answers.savedIn(answer.savedIn) };
}

/** Whether a key is set, and where from. */
export function keyStatus(state: KeyState, lockedBy: string | undefined, words: SettingsWords): string {
  if (!state.set) return words.keys.notSet;
  if (state.source === 'environment') return words.keys.setByEnvironment(lockedBy ?? '');
  return state.source === 'settings file' ? words.keys.setInFile : words.keys.setOnTerminal;
}

/** Beneath the QR's life in seconds: the same in minutes, and the range allowed. */
export function expiryHint(seconds: number, words: SettingsWords): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return words.payments.expiryRange;
  const minutes = seconds / 60;
  return words.payments.expiryMinutes(Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1));
}
