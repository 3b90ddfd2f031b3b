import { useEffect } from 'react';
import { isFinal } from '../../app/payment/payment';
import { ConnectionNotice } from '../shared/connection-notice';
import { DemoBanner } from '../shared/demo-banner';
import { useActions } from './actions-context';
import { DeviceBar } from './devices/device-bar';
import './devices/device-bar.css';
import { selectPayment, useCashierStore } from './cashier-store';
import { NeedsAttention, ParkedNews } from './parked/needs-attention';
import { PaymentProgress } from './payment/payment-progress';
import { PaymentResult } from './payment/payment-result';
import { SaleEntry } from './sale/sale-entry';
import { PosOfferPanel } from './pos/pos-offer-panel';
import { hostErrorText } from './shared/terminal-said';
import { ManagerApprovalDialog } from './staff/manager-approval-dialog';
import { OperatorChip } from './staff/operator-chip';
import { selectGate } from './staff/session-slice';
import { SignInScreen } from './staff/sign-in-screen';
import { useStaffStore } from './staff/staff-store';
import { useCashierKeyboard } from './use-cashier-keyboard';
import { rememberLanguage, useCashierLanguage, useWords } from './words/use-words';

function CashierBody() {
  const terminal = useCashierStore((s) => s.terminal);
  const payment = useCashierStore(selectPayment);
  const words = useWords();
  if (terminal === null) return <p className="cashier__waiting">{words.common.waitingForTerminal}</p>;
  if (payment === null) return <SaleEntry terminal={terminal} />;
  return isFinal(payment.state) ? <PaymentResult payment={payment} /> : <PaymentProgress payment={payment} />;
}

/** The sale, with the keyboard's keys: only once someone is signed in (or in a one-person shop). */
function Counter() {
  useCashierKeyboard(useActions());
  return (
    <>
      <PosOfferPanel />
      <CashierBody />
    </>
  );
}

/** The cashier's screen: who is at the counter, then one sale at a time, from keying the amount to the result. */
export function CashierApp() {
  const connection = useCashierStore((s) => s.connection);
  const merchantName = useCashierStore((s) => s.terminal?.merchantName ?? '');
  const demo = useCashierStore((s) => s.terminal?.demo ?? false);
  const hostError = useCashierStore((s) => s.hostError);
  const gate = useStaffStore(selectGate);
  const words = useWords();
  const language = useCashierLanguage();
  // The page's language follows the cashier's, so screen readers speak it and the browser picks CJK fonts.
  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);
  useEffect(() => {
    document.title = words.common.pageTitle;
  }, [words]);

  if (connection === 'unauthorized') {
    return (
      <main className="cashier cashier--blocked">
        <ConnectionNotice status={connection} texts={words.common.connection} />
      </main>
    );
  }
  return (
    <main className="cashier">
      {demo && <DemoBanner className="demo-banner" text={words.common.demoBanner} />}
      <header className="cashier__header">
        <h1 className="cashier__merchant">{merchantName || words.common.appName}</h1>
        <OperatorChip />
        {gate === 'open' && <NeedsAttention />}
        <ConnectionNotice status={connection} texts={words.common.connection} />
        {/* In the header: Devices… joins the merchant's row, the chips take a row of their own below it. */}
        {gate === 'open' && <DeviceBar />}
      </header>
      {gate === 'open' && <ParkedNews />}
      {hostError !== null && (
        <p className="host-error" role="status" data-testid="host-error">
          {hostErrorText(words.common, hostError)}
        </p>
      )}
      {gate === 'open' && <Counter />}
      {gate === 'sign_in' && <SignInScreen />}
      {gate === 'waiting' && <p className="cashier__waiting">{words.common.waitingForTerminal}</p>}
      <ManagerApprovalDialog />
    </main>
  );
}
