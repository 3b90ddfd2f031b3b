import { create } from 'zustand';
import type { Payment } from '../../app/payment/payment';
import { createPaymentSlice, type PaymentSlice } from '../shared/state/payment-slice';
import { createTerminalSlice, type TerminalSlice } from '../shared/state/terminal-slice';
import { createDayReportSlice, type DayReportSlice } from './end-of-day/day-report-slice';
import { createEntrySlice, type EntrySlice } from './sale/entry-slice';
import { createHistorySlice, type HistorySlice } from './history/history-slice';
import { createSettingsSlice, type SettingsSlice } from './settings/settings-slice';

export type CashierState = TerminalSlice & PaymentSlice & EntrySlice & HistorySlice & DayReportSlice & SettingsSlice;

export const useCashierStore = create<CashierState>()((...a) => ({
  ...createTerminalSlice(...a),
  ...createPaymentSlice(...a),
  ...createEntrySlice(...a),
  ...createHistorySlice(...a),
  ...createDayReportSlice(...a),
  ...createSettingsSlice(...a),
}));

// Currency and method follow the terminal's list whenever it arrives or changes.
useCashierStore.subscribe((state, previous) => {
  if (state.terminal !== null && state.terminal !== previous.terminal) {
    state.adoptTerminal(state.terminal, previous.terminal !== null);
  }
});

/** The payment the cashier sees: the store's, unless it is the one just dismissed. */
export const selectPayment = (s: CashierState): Payment | null =>
  s.payment !== null && s.payment.id === s.dismissedId ? null : s.payment;
