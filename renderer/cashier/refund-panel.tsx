import type { Payment } from '../../app/payment/payment';
import { findMethod } from '../shared/payment-figures';
import { useActions } from './actions-context';
import { useCashierStore } from './cashier-store';
import { RefundForm } from './refund-form';

/** The refund on the sale's own result screen: its amount lives in the cashier store. */
export function RefundPanel({ payment }: { readonly payment: Payment }) {
  const method = useCashierStore((s) => findMethod(s.terminal, payment.method));
  const refundText = useCashierStore((s) => s.refundText);
  const refunding = useCashierStore((s) => s.pending === 'refund');
  const setRefundText = useCashierStore((s) => s.setRefundText);
  const actions = useActions();
  return (
    <RefundForm
      payment={payment}
      method={method}
      text={refundText}
      onText={setRefundText}
      busy={refunding}
      onSubmit={() => void actions.refund()}
      testIdPrefix="refund"
      title="Refund"
    />
  );
}
