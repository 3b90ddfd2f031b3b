import type { MethodId } from '../../../app/payment/method';
import { assertNever } from '../../../app/util/assert-never';
import { toldText } from '../shared/say';
import type { CashierWords } from '../words/cashier-words';
import type { SaleWords } from '../words/sale';
import type { SaidFormat } from '../words/said';
import type { EntryNote, SaleError, SaleRefusal } from './entry-slice';

/** A refusal of a key, a paste or Charge, in the cashier's language: "SGD takes 2 decimal places". */
export function refusalText(words: SaleWords, refusal: SaleRefusal): string {
  const said = words.refused;
  switch (refusal.kind) {
    case 'second_point':
      return said.secondPoint;
    case 'too_many_decimals':
      return refusal.places === 0 ? said.noDecimals(refusal.currency) : said.decimals(refusal.currency, refusal.places);
    case 'too_many_digits':
      return refusal.beforePointIn === null ? said.tooManyDigits(refusal.max) : said.tooManyBeforePoint(refusal.max, refusal.beforePointIn);
    case 'paste_too_long':
      return said.pasteTooLong;
    case 'paste_other_currency':
      return said.pasteOtherCurrency(refusal.pasted, refusal.sale);
    case 'paste_foreign_digits':
      return said.pasteForeignDigits;
    case 'paste_negative':
      return said.pasteNegative;
    case 'paste_two_points':
      return said.pasteTwoPoints;
    case 'paste_not_an_amount':
      return said.pasteNotAnAmount;
    case 'no_method':
      return said.noMethod(refusal.currency);
    default:
      return assertNever(refusal, 'sale refusal');
  }
}

function noteText(words: SaleWords, note: EntryNote, methodName: (id: MethodId) => string): string {
  switch (note.kind) {
    case 'amount_cleared':
      return words.notice.amountCleared(note.currency);
    case 'method_refuses':
      return words.notice.methodRefuses(methodName(note.method), note.currency);
    case 'method_gone':
      return words.notice.methodGone;
    default:
      return assertNever(note, 'entry notice');
  }
}

/** What a currency change did, as one line: "Amount cleared: … Atome does not take JPY: choose a method." */
export function noticeText(words: SaleWords, notes: readonly EntryNote[], methodName: (id: MethodId) => string): string {
  return words.notice.join(notes.map((note) => noteText(words, note, methodName)));
}

/** Charge's face: "Charge SGD 12.34", just "Charge" with nothing keyed, "Charging…" while it is sent. */
export function chargeLabel(words: SaleWords, charging: boolean, amount: string | null): string {
  if (charging) return words.charging;
  return amount === null ? words.charge : words.chargeAmount(amount);
}

/** The sale's error line: what the terminal told, in the cashier's words where it can be, or a refusal the screen words itself. */
export function errorText(words: CashierWords, error: SaleError, format: SaidFormat): string {
  return 'message' in error ? toldText(error, words, format) : refusalText(words.sale, error);
}
