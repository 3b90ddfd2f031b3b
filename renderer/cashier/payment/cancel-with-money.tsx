import { cancelWithMoneyQuestion, howMoneyGoesBack, moneyArrived } from '../../../app/payment/money-back';
import type { Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { findMethod } from '../../shared/payment-figures';
import { useActions } from '../actions-context';
import { useCancelQuestion } from './cancel-question-store';
import { useCashierStore } from '../cashier-store';
import { ConfirmDialog } from '../shared/confirm-dialog';

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
  const money = moneyArrived(payment);
  if (askingFor !== payment.id || money === null) return null;
  const locale = terminal?.locale;
  const provider = findMethod(terminal, payment.method)?.provider ?? 'the provider';
  const accept = money.received === null ? 'Cancel the sale, money to return' : `Cancel, ${formatAmount(money.received, locale)} to return`;
  return (
    <ConfirmDialog
      title="Cancel the sale? Money has arrived"
      question={`${cancelWithMoneyQuestion(payment, money.received, provider, locale)} ${howMoneyGoesBack(payment, money.received, locale)}`}
      acceptLabel={accept}
      busyLabel="Cancelling…"
      busy={busy}
      onAccept={() => void actions.cancelWithMoney(payment.id)}
      onBack={close}
      testId="cancel-money-confirm"
    />
  );
}
