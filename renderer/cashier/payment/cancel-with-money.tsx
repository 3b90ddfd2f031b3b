import { moneyArrived } from '../../../app/payment/money-back';
import type { Payment } from '../../../app/payment/payment';
import { findMethod } from '../../shared/payment-figures';
import { useActions } from '../actions-context';
import { useCancelQuestion } from './cancel-question-store';
import { useCashierStore } from '../cashier-store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useWords } from '../words/use-words';
import { cancelWithMoneyText, receivedAmount } from './money-back-text';

/**
 * The question before a sale that has money is cancelled: it names what arrived and that it must go
 * back, and how. Back (and Enter, and Esc) change nothing; only its red button cancels the sale.
 */
export function CancelWithMoney({ payment }: { readonly payment: Payment }) {
  const askingFor = useCancelQuestion((s) => s.askingFor);
  const close = useCancelQuestion((s) => s.close);
  const busy = useCashierStore((s) => s.pending === 'cancel');
  const terminal = useCashierStore((s) => s.terminal);
  const actions = useActions();
  const words = useWords().payment;
  const money = moneyArrived(payment);
  if (askingFor !== payment.id || money === null) return null;
  const locale = terminal?.locale;
  const provider = findMethod(terminal, payment.method)?.provider ?? words.theProvider;
  return (
    <ConfirmDialog
      title={words.cancelQuestion.title}
      question={cancelWithMoneyText(payment, money.received, provider, words, locale)}
      acceptLabel={words.cancelQuestion.accept(receivedAmount(money.received, locale))}
      busyLabel={words.status.cancelling}
      busy={busy}
      onAccept={() => void actions.cancelWithMoney(payment.id)}
      onBack={close}
      testId="cancel-money-confirm"
    />
  );
}
