import type { ApiResult } from '../../app/ipc/contract';
import { entryToMoney } from '../../app/money/keyed-entry';
import { isFinal } from '../../app/payment/payment';
import type { PosApi } from '../../electron/preload';
import type { CashierCommand } from './entry-slice';
import { selectPayment, useCashierStore } from './cashier-store';

export type DemoOutcome = 'paid' | 'failed' | 'expired';

/**
 * What the cashier's buttons and keys do. A command's result only reports success or the reason
 * for refusal; the payment itself always arrives through `onPayment`.
 */
export function createCashierActions(api: PosApi) {
  const state = () => useCashierStore.getState();

  const run = async (command: CashierCommand, call: () => Promise<ApiResult<unknown>>): Promise<boolean> => {
    state().setPending(command);
    state().setError(null);
    try {
      const result = await call();
      if (!result.ok) state().setError(result.error.message);
      return result.ok;
    } finally {
      if (state().pending === command) state().setPending(null);
    }
  };

  const activePaymentId = (): string | null => {
    const payment = selectPayment(state());
    return payment !== null && !isFinal(payment.state) ? payment.id : null;
  };

  return {
    charge: async (): Promise<void> => {
      const { entry, method, orderRef, pending } = state();
      if (selectPayment(state()) !== null || pending === 'charge') return;
      const amount = entryToMoney(entry);
      if (amount.minor === 0) return;
      if (method === null) {
        state().setError(`No payment method accepts ${amount.currency}`);
        return;
      }
      const ref = orderRef.trim();
      await run('charge', () => api.charge(ref === '' ? { amount, method } : { amount, method, orderRef: ref }));
    },
    cancel: async (): Promise<void> => {
      const paymentId = activePaymentId();
      if (paymentId === null || selectPayment(state())?.state.status === 'cancelling') return;
      await run('cancel', () => api.cancel({ paymentId }));
    },
    newSale: async (): Promise<void> => {
      const payment = selectPayment(state());
      if (payment === null || !isFinal(payment.state)) return;
      // Back to entry at once, so digits keyed before the host's `payment: null` event are kept.
      state().resetEntry();
      state().setDismissed(payment.id);
      if (!(await run('dismiss', () => api.dismiss({ paymentId: payment.id })))) state().setDismissed(null);
    },
    simulate: async (outcome: DemoOutcome): Promise<void> => {
      const paymentId = activePaymentId();
      if (paymentId !== null) await run('demoSimulate', () => api.demoSimulate({ paymentId, outcome }));
    },
  };
}

export type CashierActions = ReturnType<typeof createCashierActions>;
