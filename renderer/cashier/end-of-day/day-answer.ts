import type { PrintReport } from '../../../app/ipc/devices';
import { assertNever } from '../../../app/util/assert-never';
import type { PanelAnswer } from '../history/history-slice';
import type { Told } from '../shared/told';
import type { DayCloseWords } from '../words/end-of-day';

/**
 * What the End-of-day panel's last command said, kept as it came and worded when shown, so the
 * terminal's sentences (a `Said`) read in the cashier's language, whichever it is by then.
 */
export type DayAnswer =
  /** The day is kept as report `number`; `printError` is why it was not printed (the printer's words), null when printed. */
  | { readonly kind: 'closed'; readonly number: number; readonly printError: Told | null }
  /** The figures could not be read again before the question: nothing was asked, nothing closed. */
  | { readonly kind: 'not_closed'; readonly problem: Told }
  /** The terminal refused: closing, reading the day, exporting or reprinting a report. */
  | { readonly kind: 'refused'; readonly problem: Told }
  /** A reprint's report from the printer: printed, or why not. */
  | { readonly kind: 'printed'; readonly report: PrintReport };

/** The answer in the cashier's words; `say` words what the terminal told. */
export function dayAnswerText(answer: DayAnswer, words: DayCloseWords, say: (told: Told) => string): PanelAnswer {
  switch (answer.kind) {
    case 'closed':
      return answer.printError === null
        ? { ok: true, text: words.closedPrinted(answer.number) }
        : { ok: false, text: words.closedNotPrinted(answer.number, say(answer.printError)) };
    case 'not_closed':
      return { ok: false, text: words.notClosed(say(answer.problem)) };
    case 'refused':
      return { ok: false, text: say(answer.problem) };
    case 'printed':
      return { ok: answer.report.outcome !== 'failed', text: `${answer.report.label}: ${answer.report.message}` };
    default:
      return assertNever(answer, 'day answer');
  }
}
