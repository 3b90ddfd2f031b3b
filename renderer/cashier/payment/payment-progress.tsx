import type { Payment } from '../../../app/payment/payment';
import { findMethod } from '../../shared/payment-figures';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { CancelWithMoney } from './cancel-with-money';
import { DemoControls } from './demo-controls';
import { ActionColumn } from '../shared/action-column';
import { ParkControl } from './park-control';
import { PaymentDetails } from './payment-details';
import './payment.css';
import { PrintPanel } from '../devices/print-panel';
import { describeStatus } from './status-text';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';

/** A payment still running: where it is, what it is, and the way out. */
export function PaymentProgress({ payment }: { readonly payment: Payment }) {
  // Demo controls follow the payment's own method: a simulated one has them, a real provider never.
  const simulator = useCashierStore((s) => findMethod(s.terminal, payment.method)?.simulator ?? null);
  const cancelling = useCashierStore((s) => s.pending === 'cancel') || payment.state.status === 'cancelling';
  const actions = useActions();
  const provider = useCashierStore((s) => findMethod(s.terminal, payment.method)?.provider);
  const locale = useCashierStore((s) => s.terminal?.locale);
  const words = useWords().payment;
  const say = useSay();
  const { title, detail, tone } = describeStatus(payment.state, words, provider, locale, say);

  return (
    <section
      className={`payment payment--${tone}`}
      data-testid="payment-status"
      data-status={payment.state.status}
      aria-labelledby="payment-title"
    >
      <div className="step-details">
        <h2 id="payment-title" className="payment__title" aria-live="polite">
          {title}
        </h2>
        {detail !== null && <p className="payment__detail">{detail}</p>}
        <PaymentDetails payment={payment} showCountdown />
        {payment.notice !== null && (
          <p className="payment__notice" role="status" data-testid="payment-notice">
            {say({ message: payment.notice, said: payment.noticeSaid })}
          </p>
        )}
        <ParkControl payment={payment} />
      </div>
      {/* The pinned action column: its tools scroll, Cancel stays at the foot, where Charge was. */}
      <ActionColumn
        className="payment__actions"
        tools={
          <div className="action-column__tools">
            <PrintPanel payment={payment} />
            {simulator !== null && <DemoControls simulator={simulator} method={payment.method} />}
          </div>
        }
        after={<CancelWithMoney payment={payment} />}
      >
        <button
          type="button"
          className="button button--cancel"
          data-testid="cancel"
          disabled={cancelling}
          onClick={() => void actions.cancel()}
        >
          {payment.state.status === 'cancelling' ? words.status.cancelling : words.actions.cancelPayment}
        </button>
      </ActionColumn>
    </section>
  );
}
