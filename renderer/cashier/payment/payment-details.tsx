import type { Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { findMethod, outstandingAmount } from '../../shared/payment-figures';
import { useCashierStore } from '../cashier-store';
import { FitText } from '../shared/fit-text';
import { Countdown } from './countdown';
import { ProviderTrailView } from './provider-trail';
import { methodLabel } from '../shared/sale-choices';
import { notReported } from './status-text';

/** Amount, method and both references: what the cashier reads out or writes down. */
export function PaymentDetails({ payment, showCountdown }: { readonly payment: Payment; readonly showCountdown: boolean }) {
  const terminal = useCashierStore((s) => s.terminal);
  const clockOffsetMs = useCashierStore((s) => s.clockOffsetMs);
  const { state } = payment;
  const provider = findMethod(terminal, payment.method)?.provider ?? 'the provider';
  return (
    <>
      <dl className="details">
        <dt>Amount</dt>
        <dd className="details__amount" data-testid="payment-amount">
          <FitText text={formatAmount(payment.amount, terminal?.locale)} />
        </dd>
        {state.status === 'partially_paid' && state.received !== null && (
          <>
            <dt>Received</dt>
            <dd className="details__amount" data-testid="received">
              <FitText text={formatAmount(state.received, terminal?.locale)} />
            </dd>
            <dt>Outstanding</dt>
            <dd className="details__amount details__amount--due" data-testid="outstanding">
              <FitText text={formatAmount(outstandingAmount(payment, state.received), terminal?.locale)} />
            </dd>
          </>
        )}
        {((state.status === 'partially_paid' && state.received === null) || (state.status === 'paid' && state.overpaid === true && state.received === undefined)) && (
          <>
            <dt>Received</dt>
            <dd data-testid="received">{notReported(provider)}</dd>
          </>
        )}
        <dt>Method</dt>
        <dd>{methodLabel(terminal, payment.method)}</dd>
        {payment.orderRef !== null && (
          <>
            <dt>Order no.</dt>
            <dd>{payment.orderRef}</dd>
          </>
        )}
        {payment.payerAlias !== null && (
          <>
            <dt>Customer alias</dt>
            <dd data-testid="payment-payer-alias">{payment.payerAlias}</dd>
          </>
        )}
        <dt>Our reference</dt>
        <dd className="details__ref" data-testid="payment-id">
          {payment.id}
        </dd>
        <dt>Provider reference</dt>
        <dd className="details__ref" data-testid="provider-ref">
          {payment.providerRef ?? '—'}
        </dd>
        {showCountdown && payment.expiresAt !== null && (
          <>
            <dt>Expires in</dt>
            <dd>
              <Countdown expiresAt={payment.expiresAt} clockOffsetMs={clockOffsetMs} />
            </dd>
          </>
        )}
      </dl>
      {payment.providerTrail !== undefined && payment.providerTrail.log.length > 0 && (
        <ProviderTrailView trail={payment.providerTrail} locale={terminal?.locale} />
      )}
    </>
  );
}
