import type { ApiResult, CommandArgs } from '../../app/ipc/contract';
import type { SlipKind, TestPrint } from '../../app/ipc/devices';
import { entryToMoney } from '../../app/money/keyed-entry';
import type { Money } from '../../app/money/money';
import type { DemoOutcome } from '../../app/payment/method';
import { moneyArrived } from '../../app/payment/money-back';
import { isFinal, type Payment } from '../../app/payment/payment';
import type { PosApi } from '../../app/ipc/pos-api';
import type { CashierCommand } from './sale/entry-slice';
import { selectPayment, useCashierStore } from './cashier-store';
import { createDayReportActions, type DayReportApi } from './end-of-day/day-report-slice';
import { downloadCsv } from './shared/download-csv';
import { createHistoryActions } from './history/history-slice';
import { createParkedActions } from './parked/parked-actions';
import { createSettingsActions } from './settings/settings-slice';
import { useCancelQuestion } from './payment/cancel-question-store';
import { useParkedStore } from './parked/parked-store';
import { takesPayerAlias } from './shared/sale-choices';
import { withManagerApproval, type Approved } from './staff/manager-approval';

/** A paid payment (or one paid after its cancel) is the only kind with money to give back. */
export function isRefundable(payment: Payment): boolean {
  return payment.state.status === 'paid' || payment.state.status === 'paid_after_cancel';
}

/**
 * What the cashier's buttons and keys do. A command's result only reports success or the reason
 * for refusal; the payment itself always arrives through `onPayment`.
 */
export function createCashierActions(api: PosApi) {
  const state = () => useCashierStore.getState();
  // Closing the day may need a manager's PIN on the spot; the rest of End of day goes straight through.
  const dayApi: DayReportApi = {
    endOfDay: api.endOfDay,
    listDayReports: api.listDayReports,
    reprintDayReport: api.reprintDayReport,
    exportDayReportCsv: api.exportDayReportCsv,
    closeDay: () => withManagerApproval((approval) => api.closeDay(approval)),
  };

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

  const chargeArgs = (): CommandArgs<'charge'> | null => {
    const { entry, method, orderRef, payerAlias } = state();
    const amount = entryToMoney(entry);
    if (amount.minor === 0) return null;
    if (method === null) {
      state().setError(`No payment method accepts ${amount.currency}`);
      return null;
    }
    const ref = orderRef.trim();
    const alias = takesPayerAlias(method) ? payerAlias.trim() : '';
    return { amount, method, ...(ref === '' ? {} : { orderRef: ref }), ...(alias === '' ? {} : { payerAlias: alias }) };
  };

  return {
    charge: async (): Promise<void> => {
      if (selectPayment(state()) !== null || state().pending === 'charge') return;
      const args = chargeArgs();
      if (args !== null) await run('charge', () => api.charge(args));
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
    /** The money of a sale cancelled after it arrived has gone back; answered to the panel that asked. */
    markReturned: (paymentId: string) => api.markReturned({ paymentId }),
    /** A late payment is kept: it counts as paid. */
    keepLate: (paymentId: string) => api.keepLate({ paymentId }),
    /**
     * The one refund, from the sale's screen and from History alike, sent only once the cashier has
     * confirmed this amount (see RefundForm); the form shows the answer, not the sale's error line.
     * Past the shop's refund rule main asks a manager's PIN; null: the cashier went back from it.
     */
    refund: (paymentId: string, amount: Money): Promise<Approved<Payment>> => withManagerApproval((approval) => api.refund({ paymentId, amount }, approval)),
    newSale: async (): Promise<void> => {
      const payment = selectPayment(state());
      if (payment === null || !isFinal(payment.state)) return;
      // Back to entry at once, so digits keyed before the host's `payment: null` event are kept.
      state().resetEntry();
      state().setDismissed(payment.id);
      if (!(await run('dismiss', () => api.dismiss({ paymentId: payment.id })))) state().setDismissed(null);
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
    /** Device checks answer the panel that asked, not the sale's error line. */
    testPoleDisplay: () => api.testPoleDisplay(),
    getDeviceSettings: () => api.getDeviceSettings(),
    saveDeviceSettings: (args: CommandArgs<'saveDeviceSettings'>) => withManagerApproval((approval) => api.saveDeviceSettings(args, approval)),
    listSerialPorts: () => api.listSerialPorts(),
    /** The settings screen's answers are its own, not the sale's error line; a cashier's save needs a manager's PIN. */
    settings: createSettingsActions(
      {
        getSettings: api.getSettings,
        saveSettings: (args) => withManagerApproval((approval) => api.saveSettings(args, approval)),
        testConnection: (args) => withManagerApproval((approval) => api.testConnection(args, approval)),
      },
      useCashierStore,
    ),
    /** The History and End-of-day panels' controls, feeding their slices of the store. */
    history: createHistoryActions(api, useCashierStore, downloadCsv),
    dayReport: createDayReportActions(dayApi, useCashierStore, downloadCsv),
    /** The Needs attention list: parked sales, each with its own answers; resolving one needs a manager. */
    parked: createParkedActions(api, useParkedStore, withManagerApproval),
    /** Orangepill Reveal QR: the answer is the lookup panel's own, not the sale's error line. */
    lookupRequest: (imageBase64: string) => api.lookupRequest({ imageBase64 }),
    simulate: async (outcome: DemoOutcome, failureCode?: string): Promise<void> => {
      const paymentId = activePaymentId();
      if (paymentId === null) return;
      const args = outcome === 'failed' && failureCode !== undefined ? { paymentId, outcome, failureCode } : { paymentId, outcome };
      await run('demoSimulate', () => api.demoSimulate(args));
    },
  };
}

export type CashierActions = ReturnType<typeof createCashierActions>;
