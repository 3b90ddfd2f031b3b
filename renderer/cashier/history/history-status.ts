import type { Payment } from '../../../app/payment/payment';
import { isPartlyRefunded } from '../refund/refund-words';
import type { CashierWords } from '../words/cashier-words';
import { stateWords } from './history-timeline';

/**
 * A payment's status as History's list and detail name it, in the cashier's words: "Paid, partly
 * refunded" where part has gone back, in the refund form's words. (The amount of a cancel with money is
 * written as History always wrote it, without the shop's locale.)
 */
export function historyStatusWords(payment: Payment, words: CashierWords): string {
  const status = stateWords(payment, undefined, words.history);
  return isPartlyRefunded(payment) ? words.refund.form.partlyRefundedStatus(status) : status;
}
