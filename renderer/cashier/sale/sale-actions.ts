import type { ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { SlipKind, TestPrint } from '../../../app/ipc/devices';
import type { PosApi } from '../../../app/ipc/pos-api';
import { entryFromMoney, entryToMoney } from '../../../app/money/keyed-entry';
import type { DemoOutcome } from '../../../app/payment/method';
import { moneyArrived } from '../../../app/payment/money-back';
import { isFinal, type Payment } from '../../../app/payment/payment';
import { selectPayment, useCashierStore } from '../cashier-store';
import { useCancelQuestion } from '../payment/cancel-question-store';
import { takesPayerAlias } from '../shared/sale-choices';
import type { CashierCommand } from './entry-slice';

/** A sale that took no money and can simply be asked for again. */
export const canChargeAgain = (payment: Payment): boolean => payment.state.status === 'failed' || payment.state.status === 'expired';

export type SaleApi = Pick<PosApi, 'charge' | 'cancel' | 'dismiss' | 'printSlip' | 'printTest' | 'demoSimulate'>;

/** The sale as keyed, ready to send; null (with the reason on the error line) when it cannot be charged. */
function chargeArgs(): CommandArgs<'charge'> | null {
  const state = useCashierStore.getState();
  const { entry, method, orderRef, payerAlias } = state;
  const amount = entryToMoney(entry);
  if (amount.minor === 0) return null;
  if (method === null) {
    state.setError({ kind: 'no_method', currency: amount.currency });
    return null;
  }
  const ref = orderRef.trim();
  const alias = takesPayerAlias(method) ? payerAlias.trim() : '';
  return { amount, method, ...(ref === '' ? {} : { orderRef: ref }), ...(alias === '' ? {} : { payerAlias: alias }) };
}

/**
 * What the sale's own buttons and keys do. A command's result only reports success or the reason
 * for refusal (on the sale's error line); the payment itself always arrives through `onPayment`.
 */
export function createSaleActions(api: SaleApi) {
  const state = () => useCashierStore.getState();

  const run = async (command: CashierCommand, call: () => Promise<ApiResult<unknown>>): Promise<boolean> => {
    state().setPending(command);
    state().setError(null);
    try {
      const result = await call();
      if (!result.ok) state().setError(result.error);
      return result.ok;
    } finally {
      if (state().pending === command) state().setPending(null);
    }
  };

  const activePaymentId = (): string | null => {
    const payment = selectPayment(state());
    return payment !== null && !isFinal(payment.state) ? payment.id : null;
  };

  const charge = async (): Promise<void> => {
    if (selectPayment(state()) !== null || state().pending === 'charge') return;
    const args = chargeArgs();
    if (args !== null) await run('charge', () => api.charge(args));
  };

  /** Back to entry at once, so digits keyed before the host's `payment: null` event are kept. */
  const dismiss = async (payment: Payment): Promise<boolean> => {
    state().resetEntry();
    state().setDismissed(payment.id);
    const dismissed = await run('dismiss', () => api.dismiss({ paymentId: payment.id }));
    if (!dismissed) state().setDismissed(null);
    return dismissed;
  };

  return {
    charge,
    /**
     * After a failure or expiry: the same amount, method and order number, charged as a new sale.
     * Only its own button calls this; Enter on a result screen starts an empty sale instead.
     */
    chargeAgain: async (): Promise<void> => {
      const payment = selectPayment(state());
      if (payment === null || !canChargeAgain(payment) || state().pending !== null) return;
      if (!(await dismiss(payment))) return;
      state().restoreSale(entryFromMoney(payment.amount, state().entry.mode), payment.method, payment.orderRef ?? '');
      await charge();
    },
    /** Money has arrived on the sale: this only asks (cancel-with-money.tsx); nothing is sent until the answer. */
    cancel: async (): Promise<void> => {
      const paymentId = activePaymentId();
      const payment = selectPayment(state());
      if (paymentId === null || payment === null || payment.state.status === 'cancelling') return;
      if (moneyArrived(payment) !== null) return useCancelQuestion.getState().ask(paymentId);
      await run('cancel', () => api.cancel({ paymentId }));
    },
    /** The question's own button: the money received is to be given back, and the sale ends so. */
    cancelWithMoney: async (paymentId: string): Promise<void> => {
      await run('cancel', () => api.cancel({ paymentId, moneyReceived: 'to_return' }));
      useCancelQuestion.getState().close();
    },
    newSale: async (): Promise<void> => {
      const payment = selectPayment(state());
      if (payment === null || !isFinal(payment.state)) return;
      await dismiss(payment);
    },
    /** Prints a slip about the payment on screen; how it went arrives as the print report. */
    printSlip: async (slip: SlipKind, paymentId?: string): Promise<void> => {
      const id = paymentId ?? selectPayment(state())?.id;
      if (id === undefined || state().pending === 'print') return;
      await run('print', () => api.printSlip({ paymentId: id, slip }));
    },
    printTest: async (page: TestPrint): Promise<void> => {
      if (state().pending === 'print') return;
      await run('print', () => api.printTest({ page }));
    },
    simulate: async (outcome: DemoOutcome, failureCode?: string): Promise<void> => {
      const paymentId = activePaymentId();
      if (paymentId === null) return;
      const args = outcome === 'failed' && failureCode !== undefined ? { paymentId, outcome, failureCode } : { paymentId, outcome };
      await run('demoSimulate', () => api.demoSimulate(args));
    },
  };
}
