import { create } from 'zustand';
import { createPaymentSlice, type PaymentSlice } from '../shared/state/payment-slice';
import { createTerminalSlice, type TerminalSlice } from '../shared/state/terminal-slice';

/** The customer display only looks: the terminal and the current payment, nothing to edit. */
export type DisplayState = TerminalSlice & PaymentSlice;

export const useDisplayStore = create<DisplayState>()((...a) => ({
  ...createTerminalSlice(...a),
  ...createPaymentSlice(...a),
}));
