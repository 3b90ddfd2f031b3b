import { useState } from 'react';
import type { Money } from '../../../app/money/money';
import type { Payment } from '../../../app/payment/payment';
import { providerRefusesRefund } from '../../../app/payment/refund-offer';
import { formatAmount } from '../../shared/format-amount';
import { findMethod, refundableAmount } from '../../shared/payment-figures';
import { useActions } from '../actions-context';
import { isRefundable } from '../cashier-actions';
import { selectPayment, useCashierStore } from '../cashier-store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import type { RefundWords } from '../words/refund';
import { useSay } from '../shared/use-say';
import { methodLabel } from '../shared/sale-choices';
import { useWords } from '../words/use-words';
import { answerText, type ControlAnswer } from './refund-answer';
import { methodRuleTold, proposeRefund, refundedText, refundOnDisplay, refundQuestion } from './refund-words';
import './refund.css';

export interface RefundFormProps {
  readonly payment: Payment;
  /** After the provider took a refund: History reads the payment again (the sale's own screen hears it as an event). */
  readonly onRefunded?: () => void;
  readonly title?: string;
}

/** The question before a refund: it names the amount, where it goes and what the customer will see; only its own button sends. */
function RefundQuestion(props: {
  readonly payment: Payment;
  readonly amount: Money;
  readonly methodLabel: string;
  readonly sending: boolean;
  readonly onSend: () => void;
  readonly onBack: () => void;
  readonly words: RefundWords;
}) {
  const { payment, amount, sending, words } = props;
  const terminal = useCashierStore((s) => s.terminal);
  const onCounter = useCashierStore((s) => selectPayment(s)?.id === payment.id);
  const locale = terminal?.locale;
  return (
    <ConfirmDialog
      title={words.form.confirmTitle(formatAmount(amount, locale))}
      question={refundQuestion({
        payment,
        amount,
        methodLabel: props.methodLabel,
        display: refundOnDisplay(payment, amount, onCounter, terminal?.language.display[0] ?? 'en'),
        locale,
        words,
      })}
      acceptLabel={words.form.confirmAccept(formatAmount(amount, locale))}
      busyLabel={words.form.refunding}
      busy={sending}
      onAccept={props.onSend}
      onBack={props.onBack}
      testId="refund-confirm"
    />
  );
}

/**
 * The one way to give money back, on the sale's result screen and in History alike. The amount starts
 * empty and is typed; Enter in it does nothing; Refund asks a question that names the amount, where
 * it goes and what the customer will see, and only that question's own button sends the refund.
 * Where the method takes no refunds through the terminal, its rule says where they are done instead.
 * Give it `key={payment.id}`, so what was typed for one payment never carries over to another.
 */
export function RefundForm({ payment, onRefunded, title }: RefundFormProps) {
  const terminal = useCashierStore((s) => s.terminal);
  const actions = useActions();
  const [text, setText] = useState('');
  const [asking, setAsking] = useState<Money | null>(null);
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<ControlAnswer | null>(null);
  const method = findMethod(terminal, payment.method);
  const locale = terminal?.locale;
  const left = refundableAmount(payment);
  const all = useWords();
  const words = all.refund;
  const say = useSay();

  if (method === null || !isRefundable(payment) || left.minor === 0) return null;
  // No refunds through the terminal for this method, or the provider's own word on this payment (Opn's
  // charge said it cannot be refunded): no form, the reason instead.
  const refusal = method.refunds.supported ? providerRefusesRefund(payment, method) : null;
  if (!method.refunds.supported || refusal !== null) {
    return (
      <p className="refund__rule" data-testid="refund-rule">
        {refusal === null ? words.form.noRefundsHere(say(methodRuleTold(method))) : say(refusal)}
      </p>
    );
  }

  const ask = (): void => {
    const amount = proposeRefund(text, payment, locale, words);
    setAnswer(amount.ok ? null : { ok: false, text: amount.error });
    setAsking(amount.ok ? amount.value : null);
  };
  const send = async (amount: Money): Promise<void> => {
    setSending(true);
    const result = await actions.refund(payment.id, amount);
    setSending(false);
    setAsking(null);
    if (result === null) return;
    if (!result.ok) return setAnswer({ ok: false, told: result.error });
    setText('');
    setAnswer({ ok: true, text: refundedText(amount, result.value, locale, words) });
    onRefunded?.();
  };

  return (
    <form
      className="refund"
      aria-label={words.form.refund}
      data-testid="refund-form"
      // Enter in the amount submits the form: it must neither refund nor start the next sale.
      onSubmit={(event) => event.preventDefault()}
    >
      {title !== undefined && <h3 className="refund__title">{title}</h3>}
      <div className="refund__row">
        <label className="field">
          <span className="field__label">{words.form.amountLabel(formatAmount(left, locale))}</span>
          <input
            data-testid="refund-amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="button" className="button button--refund" data-testid="refund-submit" disabled={sending} onClick={ask}>
          {words.form.refundAsk}
        </button>
      </div>
      {/* Right under the amount it is about, so it shows without scrolling the column. */}
      {answer !== null && (
        <p className={answer.ok ? 'refund__answer' : 'refund__answer refund__answer--bad'} role="status" data-testid="refund-answer">
          {answerText(answer, say)}
        </p>
      )}
      <p className="refund__rule" data-testid="refund-rule">
        {words.form.rule(say(methodRuleTold(method)))}
      </p>
      {asking !== null && <RefundQuestion payment={payment} amount={asking} methodLabel={methodLabel(terminal, payment.method, all.common)} sending={sending} onSend={() => void send(asking)} onBack={() => setAsking(null)} words={words} />}
    </form>
  );
}
