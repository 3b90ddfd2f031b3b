import { useEffect } from 'react';
import { keyFromKeyboard, type EntryKey } from '../../app/money/keyed-entry';
import { isFinal } from '../../app/payment/payment';
import type { CashierActions } from './cashier-actions';
import { selectPayment, useCashierStore } from './cashier-store';

const startsAmount = (key: EntryKey): boolean => key !== 'backspace' && key !== 'clear';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;

/**
 * Inside a form (the refund's amount), Enter belongs to that form, which ignores it: it neither refunds
 * nor starts the next sale. In a dialog (a confirmation), the dialog's own buttons decide.
 */
const isInForm = (target: EventTarget | null): boolean => target instanceof Element && target.closest('form, dialog') !== null;

/**
 * The physical keyboard: digits, "." , Backspace and Delete key the amount; Enter charges (or starts a
 * new sale once the payment is final); Esc cancels the payment in progress, or clears the entry when
 * idle. On a result screen a digit (or ".") starts the next sale with it, so a cashier who keys the
 * next amount straight away loses nothing. A paste outside the text fields keys a whole amount.
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
      // Typing in the order number, the alias, the refund's amount (or a select) belongs to that field.
      if (inProgress || isTextField(event.target) || isInForm(event.target)) return;
      const key = keyFromKeyboard(event.key);
      if (key === null) return;
      if (payment !== null) {
        // Only what starts an amount starts the next sale; Backspace or Delete on a result does nothing.
        if (!startsAmount(key)) return;
        void actions.newSale();
      }
      event.preventDefault();
      state.press(key);
    };
    const onPaste = (event: ClipboardEvent): void => {
      const state = useCashierStore.getState();
      const payment = selectPayment(state);
      if ((payment !== null && !isFinal(payment.state)) || isTextField(event.target) || isInForm(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      if (payment !== null) void actions.newSale();
      state.paste(text);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [actions]);
}
