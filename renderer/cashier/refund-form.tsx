import { toDecimalString } from '../../app/money/money';
import type { MethodInfo } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { refundableAmount } from '../shared/payment-figures';
import { isRefundable } from './cashier-actions';
import './refund.css';

export interface RefundFormProps {
  readonly payment: Payment;
  readonly method: MethodInfo | null;
  /** What the cashier typed; null shows everything still refundable. */
  readonly text: string | null;
  readonly onText: (text: string) => void;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  /** The prefix of the form's test ids: `refund` on the sale's screen, `history-refund` in History. */
  readonly testIdPrefix: string;
  readonly title?: string;
}

/**
 * Giving money back on a paid payment, when its method takes refunds through the terminal;
 * otherwise the method's rule, so the cashier knows where refunds are done instead.
 */
export function RefundForm({ payment, method, text, onText, busy, onSubmit, testIdPrefix, title }: RefundFormProps) {
  const left = refundableAmount(payment);
  if (method === null || !isRefundable(payment) || left.minor === 0) return null;
  if (!method.refunds.supported) {
    return (
      <p className="refund__rule" data-testid={`${testIdPrefix}-rule`}>
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
        onSubmit();
      }}
    >
      {title !== undefined && <h3 className="refund__title">{title}</h3>}
      <div className="refund__row">
        <label className="field">
          <span className="field__label">Amount to refund ({payment.amount.currency})</span>
          <input
            data-testid={`${testIdPrefix}-amount`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text ?? toDecimalString(left)}
            onChange={(event) => onText(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--refund" data-testid={`${testIdPrefix}-submit`} disabled={busy}>
          {busy ? 'Refunding…' : 'Refund'}
        </button>
      </div>
      <p className="refund__rule" data-testid={`${testIdPrefix}-rule`}>
        Refunds: {method.refunds.rule}
      </p>
    </form>
  );
}
