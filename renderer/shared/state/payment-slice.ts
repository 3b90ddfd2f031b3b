import type { StateCreator } from 'zustand';
import type { Payment } from '../../../app/payment/payment';

/** The current sale's payment, fed only by `onPayment` events and the snapshot: never by a command's result. */
export interface PaymentSlice {
  readonly payment: Payment | null;
  readonly receivePayment: (payment: Payment | null) => void;
}

/** A snapshot can cross an event in flight; an older copy of the same payment must not win. */
function isStale(current: Payment | null, incoming: Payment | null): boolean {
  return current !== null && incoming !== null && current.id === incoming.id && incoming.updatedAt < current.updatedAt;
}

export const createPaymentSlice: StateCreator<PaymentSlice> = (set, get) => ({
  payment: null,
  receivePayment: (payment) => {
    if (!isStale(get().payment, payment)) set({ payment });
  },
});
