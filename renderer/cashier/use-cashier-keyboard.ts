import { useEffect } from 'react';
import { keyFromKeyboard } from '../../app/money/keyed-entry';
import { isFinal } from '../../app/payment/payment';
import type { CashierActions } from './cashier-actions';
import { selectPayment, useCashierStore } from './cashier-store';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;

/**
 * Inside a form (the refund's amount), Enter belongs to that form, which ignores it: it neither refunds
 * nor starts the next sale. In a dialog (a confirmation), the dialog's own buttons decide.
 */
const isInForm = (target: EventTarget | null): boolean => target instanceof Element && target.closest('form, dialog') !== null;

/**
 * The physical keyboard: digits, Backspace and Delete key the amount; Enter charges (or starts a new
 * sale once the payment is final); Esc cancels the payment in progress, or clears the entry when idle.
 */
export function useCashierKeyboard(actions: CashierActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const state = useCashierStore.getState();
      const payment = selectPayment(state);
      const { press } = state;
      const inProgress = payment !== null && !isFinal(payment.state);

      if (event.key === 'Enter') {
        // While a payment runs, Enter keeps its usual meaning on a focused button.
        if (inProgress || isInForm(event.target)) return;
        event.preventDefault();
        if (event.repeat) return;
        void (payment === null ? actions.charge() : actions.newSale());
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        if (payment === null) press('clear');
        else if (inProgress) void actions.cancel();
        return;
      }
      // Typing in the order number, the alias (or a select) belongs to that field, not to the amount.
      if (payment !== null || isTextField(event.target)) return;
      const key = keyFromKeyboard(event.key);
      if (key === null) return;
      event.preventDefault();
      press(key);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
