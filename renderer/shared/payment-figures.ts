import type { TerminalInfo } from '../../app/ipc/contract';
import type { Money } from '../../app/money/money';
import type { MethodId, MethodInfo } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';

/** The payment's own method, by id: never just the first one the terminal lists. */
export function findMethod(terminal: TerminalInfo | null, id: MethodId): MethodInfo | null {
  return terminal?.methods.find((m) => m.id === id) ?? null;
}

/** What is still to pay after part arrived, in whole minor units of the payment's currency. */
export function outstandingAmount(payment: Payment, received: Money): Money {
  return { minor: Math.max(0, payment.amount.minor - received.minor), currency: payment.amount.currency };
}

/** What can still be refunded: the amount asked less what has been refunded already. */
export function refundableAmount(payment: Payment): Money {
  return { minor: Math.max(0, payment.amount.minor - payment.refundedMinor), currency: payment.amount.currency };
}
