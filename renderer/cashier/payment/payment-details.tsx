import type { Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { findMethod, outstandingAmount } from '../../shared/payment-figures';
import { useCashierStore } from '../cashier-store';
import { FitText } from '../shared/fit-text';
import { Countdown } from './countdown';
import { ProviderTrailView } from './provider-trail';
import { methodLabel } from '../shared/sale-choices';
import { useWords } from '../words/use-words';
import { requestedBy } from '../../../app/pos-api/pos-operator';

/** Amount, method and both references: what the cashier reads out or writes down. */
export function PaymentDetails({ payment, showCountdown }: { readonly payment: Payment; readonly showCountdown: boolean }) {
  const terminal = useCashierStore((s) => s.terminal);
  const clockOffsetMs = useCashierStore((s) => s.clockOffsetMs);
  const { state } = payment;
  const all = useWords();
  const words = all.payment;
  const w = words.details;
  const provider = findMethod(terminal, payment.method)?.provider ?? words.theProvider;
  const till = requestedBy(payment.operator);
  return (
    <>
      {till !== null && (
        <p className="details__requested-by" data-testid="requested-by">
          {words.requestedBy(till, formatAmount(payment.amount, terminal?.locale))}
        </p>
      )}
      <dl className="details">
        <dt>{w.amount}</dt>
        <dd className="details__amount" data-testid="payment-amount">
          <FitText text={formatAmount(payment.amount, terminal?.locale)} />
        </dd>
        {state.status === 'partially_paid' && state.received !== null && (
          <>
            <dt>{w.received}</dt>
            <dd className="details__amount" data-testid="received">
              <FitText text={formatAmount(state.received, terminal?.locale)} />
            </dd>
            <dt>{w.outstanding}</dt>
            <dd className="details__amount details__amount--due" data-testid="outstanding">
              <FitText text={formatAmount(outstandingAmount(payment, state.received), terminal?.locale)} />
            </dd>
          </>
        )}
        {((state.status === 'partially_paid' && state.received === null) || (state.status === 'paid' && state.overpaid === true && state.received === undefined)) && (
          <>
            <dt>{w.received}</dt>
            <dd data-testid="received">{words.notReported(provider)}</dd>
          </>
        )}
        <dt>{w.method}</dt>
        <dd>{methodLabel(terminal, payment.method, all.common)}</dd>
        {payment.orderRef !== null && (
          <>
            <dt>{w.orderNo}</dt>
            <dd>{payment.orderRef}</dd>
          </>
        )}
        {payment.payerAlias !== null && (
          <>
            <dt>{w.customerAlias}</dt>
            <dd data-testid="payment-payer-alias">{payment.payerAlias}</dd>
          </>
        )}
        <dt>{w.ourReference}</dt>
        <dd className="details__ref" data-testid="payment-id">
          {payment.id}
        </dd>
        <dt>{w.providerReference}</dt>
        <dd className="details__ref" data-testid="provider-ref">
          {payment.providerRef ?? '—'}
        </dd>
        {showCountdown && payment.expiresAt !== null && (
          <>
            <dt>{w.expiresIn}</dt>
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
