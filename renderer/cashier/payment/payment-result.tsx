import { isUndecidedLate, type Payment } from '../../../app/payment/payment';
import { findMethod } from '../../shared/payment-figures';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { canChargeAgain } from '../sale/sale-actions';
import { useCashierStore } from '../cashier-store';
import { ActionColumn } from '../shared/action-column';
import { LateDecision, MoneyBackPanel } from '../refund/money-back-panel';
import { PaymentDetails } from './payment-details';
import { PaymentMoney } from './payment-money';
import './payment.css';
import { PrintPanel } from '../devices/print-panel';
import { RefundForm } from '../refund/refund-form';
import { describeStatus, statusMark } from './status-text';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import { methodLabel } from '../shared/sale-choices';

/** A finished payment, until the cashier starts the next sale. */
export function PaymentResult({ payment }: { readonly payment: Payment }) {
  const dismissing = useCashierStore((s) => s.pending === 'dismiss');
  const busy = useCashierStore((s) => s.pending !== null);
  const actions = useActions();
  const method = useCashierStore((s) => findMethod(s.terminal, payment.method));
  const terminal = useCashierStore((s) => s.terminal);
  const locale = terminal?.locale;
  const all = useWords();
  const words = all.payment;
  const say = useSay();
  const { title, detail, tone } = describeStatus(payment.state, words, method?.provider, locale, say);
  // A late payment the provider cannot refund here is decided in its own panel, not with the refund form's rule.
  const refundForm = !(isUndecidedLate(payment.state) && method?.refunds.supported !== true);

  return (
    <section
      className={`payment payment--result payment--${tone}`}
      data-testid="payment-status"
      data-status={payment.state.status}
      aria-labelledby="payment-title"
    >
      <div className="step-details">
        <div className="payment__headline" aria-live="polite">
          <span className="payment__mark" aria-hidden="true">
            {statusMark(payment.state)}
          </span>
          <h2 id="payment-title" className="payment__title">
            {title}
          </h2>
        </div>
        {detail !== null && (
          <p className="payment__detail" data-testid="payment-detail">
            {detail}
          </p>
        )}
        <PaymentMoney payment={payment} />
        <PaymentDetails payment={payment} showCountdown={false} />
      </div>
      {/* The pinned action column: refund and print scroll; Charge again and New sale stay at the foot, where Charge was. */}
      <ActionColumn
        className="payment__actions"
        tools={
          <div className="action-column__tools">
            <LateDecision payment={payment} />
            <MoneyBackPanel payment={payment} />
            {refundForm && <RefundForm key={payment.id} payment={payment} title={words.actions.refund} />}
            <PrintPanel payment={payment} />
          </div>
        }
      >
        {canChargeAgain(payment) && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="charge-again"
            disabled={busy}
            // Never focused by itself, and Enter on the result screen means New sale: no re-charge by habit.
            onClick={() => void actions.chargeAgain()}
          >
            {words.actions.chargeAgain} <span className="nowrap">{formatAmount(payment.amount, locale)}</span> · {methodLabel(terminal, payment.method, all.common)}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-testid="new-sale"
          disabled={dismissing}
          onClick={() => void actions.newSale()}
        >
          {words.actions.newSale}
        </button>
      </ActionColumn>
    </section>
  );
}
