import { DISPLAY_CATALOGS, LANGUAGES, type DisplayCatalog } from '../../app/i18n';
import type { ConnectionStatus } from '../api/connection-status';
import { useEffect } from 'react';
import { isUndecidedLate, type Payment } from '../../app/payment/payment';
import { assertNever } from '../../app/util/assert-never';
import { outstandingAmount } from '../shared/payment-figures';
import { DisplayNotices } from './display-notices';
import { useDisplayStore } from './display-store';
import { IdleView, OutcomeView, WaitView } from './message-views';
import { QrView } from './qr-view';
import { useQrExpired } from './use-qr-expired';
import { useFormatAmount, useShownPayment, useWords } from './use-words';

/** The QR screen places the notices itself, in its text column, where they cannot cover the code. */
function showsQr(payment: Payment | null): boolean {
  if (payment === null || payment.qr === null) return false;
  const { status } = payment.state;
  if (payment.state.status === 'partially_paid') return payment.state.received !== null;
  return status === 'awaiting' || status === 'cancelling' || status === 'unknown';
}

/** The QR ran out while the outcome is open: it comes down, and the customer is sent to the cashier. */
const QrExpiredView = () => <OutcomeView mark={null} headline={(w) => w.qrExpiredSeeCashier} text={null} />;

function PaymentView({ payment, qrExpired }: { readonly payment: Payment; readonly qrExpired: boolean }) {
  const { state } = payment;
  const format = useFormatAmount();
  switch (state.status) {
    case 'creating':
      return <WaitView amount={payment.amount} pick={(w) => w.preparingQr} />;
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
      // Past expiry nobody may scan it, whatever the provider says (it may not be answering at all).
      if (qrExpired) return <QrExpiredView />;
      // Until the provider says otherwise the customer may still pay, so the QR stays up.
      return payment.qr !== null ? <QrView payment={payment} qr={payment.qr} /> : <WaitView amount={payment.amount} pick={(w) => w.pleaseWait} />;
    case 'needs_attention':
      // The terminal cannot tell whether the customer paid: the QR comes down so nobody pays twice.
      return <WaitView amount={payment.amount} pick={(w) => w.cashierChecking} />;
    case 'partially_paid': {
      // Part arrived but nobody said how much: asking for the whole amount again could make the
      // customer pay twice, so the QR comes down and the cashier settles the rest.
      if (state.received === null) return <OutcomeView mark={null} headline={(w) => w.partPaymentArrived} text={(w) => w.askCashier} />;
      if (qrExpired) return <QrExpiredView />;
      // Part has arrived: the customer pays the rest with the same code, so it stays up.
      const outstanding = outstandingAmount(payment, state.received);
      return payment.qr !== null ? (
        <QrView payment={payment} qr={payment.qr} outstanding={outstanding} />
      ) : (
        <WaitView amount={outstanding} pick={(w) => w.stillToPay} />
      );
    }
    case 'paid':
      // Paid after the QR expired: the cashier keeps it or gives it back, so no thanks before that.
      if (isUndecidedLate(state)) return <OutcomeView mark={null} headline={(w) => w.paymentReceived} text={(w) => w.waitForCashier} amount={state.received ?? payment.amount} />;
      return <OutcomeView mark="tick" headline={(w) => w.thankYou} text={(w) => w.paymentReceived} amount={state.received ?? payment.amount} />;
    case 'paid_after_cancel':
      return <OutcomeView mark="tick" headline={(w) => w.paymentReceived} text={null} amount={payment.amount} />;
    case 'failed':
      return <OutcomeView mark={null} headline={(w) => w.paymentNotCompleted} text={(w) => w.askCashier} />;
    case 'expired':
      return <OutcomeView mark={null} headline={(w) => w.paymentNotCompleted} text={(w) => w.qrExpired} />;
    case 'cancelled':
      return <OutcomeView mark={null} headline={(w) => w.paymentCancelled} text={null} />;
    case 'cancelled_with_money': {
      // Never "cancelled" alone: the customer paid something, and hears that it comes back to them.
      const received = state.received;
      return (
        <OutcomeView
          mark={null}
          headline={(w) => w.saleCancelled}
          text={(w) => (received === null ? w.moneyWillBeReturned : w.amountWillBeReturned(format(received)))}
        />
      );
    }
    case 'refunded':
      return <OutcomeView mark={null} headline={(w) => w.paymentRefunded} text={null} />;
    default:
      return assertNever(state, 'payment state');
  }
}

/**
 * Before the terminal has named the display's languages (or when it refused this page's link), the
 * display cannot know them: it says what it waits for in every language it has.
 */
function BeforeTheTerminal({ connection }: { readonly connection: ConnectionStatus }) {
  const pick = (words: DisplayCatalog): string => {
    if (connection === 'unauthorized') return words.linkRefused;
    if (connection === 'connected') return words.loading;
    return connection === 'connecting' ? words.connecting : words.connectionLost;
  };
  return (
    <div className="display-notice" data-testid="connection-status" data-status={connection} role={connection === 'unauthorized' ? 'alert' : 'status'}>
      {LANGUAGES.map((language, index) => (
        <span key={language} className={index === 0 ? 'words__primary' : 'words__secondary'} lang={language}>
          {pick(DISPLAY_CATALOGS[language])}
        </span>
      ))}
    </div>
  );
}

/** The customer-facing screen. It takes no input: it only shows what the terminal reports. */
export function DisplayApp() {
  const terminal = useDisplayStore((s) => s.terminal);
  const payment = useShownPayment(useDisplayStore((s) => s.payment));
  const connection = useDisplayStore((s) => s.connection);
  const qrExpired = useQrExpired(payment);
  const { primary } = useWords();

  // The page's language follows the primary one, so the browser picks the right fonts (CJK) and voice.
  useEffect(() => {
    document.documentElement.lang = primary.language;
  }, [primary.language]);

  if (connection === 'unauthorized' || terminal === null) {
    return (
      <main className="display display--blocked">
        <BeforeTheTerminal connection={connection} />
      </main>
    );
  }
  return (
    <main className="display" data-testid="display-state" data-status={payment?.state.status ?? 'idle'} data-qr-expired={qrExpired}>
      {!(showsQr(payment) && !qrExpired) && <DisplayNotices demo={terminal.demo} />}
      {payment === null ? <IdleView merchantName={terminal.merchantName} /> : <PaymentView payment={payment} qrExpired={qrExpired} />}
    </main>
  );
}
