import type { Payment } from '../../../app/payment/payment';
import { isPartlyRefunded } from '../refund/refund-words';
import type { HistoryWords } from '../words/history';
import { stateWords } from './history-timeline';

/**
 * A payment's status as History's list and detail name it, in the cashier's words: "Paid, partly
 * refunded" where part has gone back. (The amount of a cancel with money is written as History always
 * wrote it, without the shop's locale.)
 */
export function historyStatusWords(payment: Payment, words: HistoryWords): string {
  const status = stateWords(payment, undefined, words);
  return isPartlyRefunded(payment) ? words.state.partlyRefunded(status) : status;
}
