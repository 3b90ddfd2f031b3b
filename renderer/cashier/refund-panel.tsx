import { toDecimalString } from '../../app/money/money';
import type { Payment } from '../../app/payment/payment';
import { findMethod, refundableAmount } from '../shared/payment-figures';
import { useActions } from './actions-context';
import { isRefundable } from './cashier-actions';
import { useCashierStore } from './cashier-store';
import './refund.css';

/**
 * Giving money back on a paid payment, when its method takes refunds through the terminal;
 * otherwise the method's rule, so the cashier knows where refunds are done instead.
 */
export function RefundPanel({ payment }: { readonly payment: Payment }) {
  const method = useCashierStore((s) => findMethod(s.terminal, payment.method));
  const refundText = useCashierStore((s) => s.refundText);
  const refunding = useCashierStore((s) => s.pending === 'refund');
  const setRefundText = useCashierStore((s) => s.setRefundText);
  const actions = useActions();
  const left = refundableAmount(payment);
  if (method === null || !isRefundable(payment) || left.minor === 0) return null;

  if (!method.refunds.supported) {
    return (
      <p className="refund__rule" data-testid="refund-rule">
        No refunds through the terminal: {method.refunds.rule}
      </p>
    );
  }
  return (
    <form
      className="refund"
      aria-label="Refund"
      onSubmit={(event) => {
        event.preventDefault();
        void actions.refund();
      }}
    >
      <h3 className="refund__title">Refund</h3>
      <div className="refund__row">
        <label className="field">
          <span className="field__label">Amount to refund ({payment.amount.currency})</span>
          <input
            data-testid="refund-amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={refundText ?? toDecimalString(left)}
            onChange={(event) => setRefundText(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--refund" data-testid="refund-submit" disabled={refunding}>
          {refunding ? 'Refunding…' : 'Refund'}
        </button>
      </div>
      <p className="refund__rule" data-testid="refund-rule">
        Refunds: {method.refunds.rule}
      </p>
    </form>
  );
}
