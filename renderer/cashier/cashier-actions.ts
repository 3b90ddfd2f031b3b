import type { CommandArgs } from '../../app/ipc/contract';
import type { PosApi } from '../../app/ipc/pos-api';
import type { Money } from '../../app/money/money';
import type { Payment } from '../../app/payment/payment';
import { useCashierStore } from './cashier-store';
import { createDayReportActions, type DayReportApi } from './end-of-day/day-report-slice';
import { createHistoryActions } from './history/history-slice';
import { createParkedActions } from './parked/parked-actions';
import { useParkedStore } from './parked/parked-store';
import { createSaleActions } from './sale/sale-actions';
import { createSettingsActions } from './settings/settings-slice';
import { downloadCsv } from './shared/download-csv';
import { withManagerApproval, type Approved } from './staff/manager-approval';

/** A paid payment (or one paid after its cancel) is the only kind with money to give back. */
export function isRefundable(payment: Payment): boolean {
  return payment.state.status === 'paid' || payment.state.status === 'paid_after_cancel';
}

/**
 * What the cashier's buttons and keys do: the sale's own actions, each panel's actions feeding its
 * slice of the store, and the commands a manager may have to approve on the spot.
 */
export function createCashierActions(api: PosApi) {
  // Closing the day may need a manager's PIN on the spot; the rest of End of day goes straight through.
  const dayApi: DayReportApi = {
    endOfDay: api.endOfDay,
    listDayReports: api.listDayReports,
    reprintDayReport: api.reprintDayReport,
    exportDayReportCsv: api.exportDayReportCsv,
    closeDay: () => withManagerApproval((approval) => api.closeDay(approval)),
  };

  return {
    ...createSaleActions(api),
    /**
     * The API itself, for commands whose answer is the asking panel's own and that need nothing
     * else: marking money returned, keeping a late payment, the device checks.
     */
    api,
    /**
     * The one refund, from the sale's screen and from History alike, sent only once the cashier has
     * confirmed this amount (see RefundForm); the form shows the answer, not the sale's error line.
     * Past the shop's refund rule main asks a manager's PIN; null: the cashier went back from it.
     */
    refund: (paymentId: string, amount: Money): Promise<Approved<Payment>> => withManagerApproval((approval) => api.refund({ paymentId, amount }, approval)),
    /** Device settings answer the panel that asked, not the sale's error line; a cashier's save needs a manager's PIN. */
    saveDeviceSettings: (args: CommandArgs<'saveDeviceSettings'>) => withManagerApproval((approval) => api.saveDeviceSettings(args, approval)),
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
  };
}

export type CashierActions = ReturnType<typeof createCashierActions>;
