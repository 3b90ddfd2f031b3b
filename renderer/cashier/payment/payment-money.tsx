import { isOverpaid, type Payment } from '../../../app/payment/payment';
import { useCashierStore } from '../cashier-store';
import { isPartlyRefunded, partlyRefundedText } from '../refund/refund-words';
import { useWords } from '../words/use-words';
import { receivedSentence } from './status-text';
import './payment-money.css';

function PaidFlags({ payment, locale }: { readonly payment: Payment; readonly locale: string | undefined }) {
  const { state } = payment;
  const words = useWords().payment;
  // Lateness is the status line's: "Paid late — keep or refund" with its panel, then who kept it.
  if (state.status !== 'paid' || (state.received === undefined && state.overpaid !== true)) return null;
  const flags = [state.late === true ? 'late' : null, isOverpaid(payment) ? 'overpaid' : null];
  return (
    <div
      className="payment__attention"
      role="status"
      data-testid="paid-flag"
      data-flag={flags.filter((f) => f !== null).join(' ')}
    >
      {state.received !== undefined && <p>{receivedSentence(payment, state.received, words, locale)}</p>}
      {/* Flagged overpaid by the provider without an amount (Orangepill's OVERPAID): said as such. */}
      {state.received === undefined && state.overpaid === true && <p>{words.money.overpaidNoAmount}</p>}
    </div>
  );
}

/** Amounts beyond the one asked, on a paid payment: too much received, or some refunded. */
export function PaymentMoney({ payment }: { readonly payment: Payment }) {
  const locale = useCashierStore((s) => s.terminal?.locale);
  const words = useWords();
  return (
    <>
      <PaidFlags payment={payment} locale={locale} />
      {isPartlyRefunded(payment) && (
        <p className="payment__refunded" data-testid="refunded">
          {partlyRefundedText(payment, locale, words.refund)}
        </p>
      )}
    </>
  );
}
