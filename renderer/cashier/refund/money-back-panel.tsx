import { useState } from 'react';
import type { ApiResult } from '../../../app/ipc/contract';
import { isUndecidedLate, type Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { findMethod } from '../../shared/payment-figures';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import { howMoneyGoesBackText } from '../payment/money-back-text';
import { answerText, type ControlAnswer } from './refund-answer';
import { lateRefundQuestion, lateWhole, markedReturnedText, markReturnedQuestion } from './money-back-words';
import './refund.css';

interface DecisionProps {
  readonly payment: Payment;
  /** After a decision went through: History reads the payment again (the counter hears it as an event). */
  readonly onDecided?: () => void;
}

type Answer = ControlAnswer | null;

function AnswerLine({ answer, testId }: { readonly answer: Answer; readonly testId: string }) {
  const say = useSay();
  if (answer === null) return null;
  return (
    <p className={answer.ok ? 'refund__answer' : 'refund__answer refund__answer--bad'} role="status" data-testid={testId}>
      {answerText(answer, say)}
    </p>
  );
}

/** Sends one decision and keeps main's answer (its refusal, worded when shown, or what now stands) for the panel. */
function useDecision(onDecided: (() => void) | undefined) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const decide = async (send: () => Promise<ApiResult<Payment> | null>, done: (after: Payment) => string): Promise<void> => {
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result === null) return;
    setAnswer(result.ok ? { ok: true, text: done(result.value) } : { ok: false, told: result.error });
    if (result.ok) onDecided?.();
  };
  return { busy, answer, decide };
}

/**
 * A sale cancelled after money arrived: how that money goes back for its provider, and Mark returned
 * once it has (asked first, since the journal keeps who said so and when).
 */
export function MoneyBackPanel({ payment, onDecided }: DecisionProps) {
  const locale = useCashierStore((s) => s.terminal?.locale);
  const actions = useActions();
  const [asking, setAsking] = useState(false);
  const { busy, answer, decide } = useDecision(onDecided);
  const all = useWords();
  const words = all.refund;
  const said = words.moneyBack;
  const state = payment.state;
  if (state.status !== 'cancelled_with_money') return null;
  const mark = (): void =>
    void decide(
      () => actions.api.markReturned({ paymentId: payment.id }),
      (after) =>
        after.state.status === 'cancelled_with_money' && after.state.returned !== undefined ? markedReturnedText(after.state.returned, locale, all) : said.markedReturned,
    ).then(() => setAsking(false));
  return (
    <section className="refund" aria-label={said.toReturn} data-testid="money-back">
      <h3 className="refund__title">{state.returned === undefined ? said.toReturn : said.returned}</h3>
      {state.returned === undefined ? (
        <>
          <p className="refund__rule" data-testid="money-back-how">
            {howMoneyGoesBackText(payment, state.received, all.payment, locale)}
          </p>
          <button type="button" className="button button--refund" data-testid="mark-returned" disabled={busy} onClick={() => setAsking(true)}>
            {said.markReturnedAsk}
          </button>
        </>
      ) : (
        <p className="refund__rule" data-testid="money-back-returned">
          {markedReturnedText(state.returned, locale, all)}
        </p>
      )}
      <AnswerLine answer={answer} testId="money-back-answer" />
      {asking && (
        <ConfirmDialog
          title={said.markReturnedTitle}
          question={markReturnedQuestion(state.received, locale, words)}
          acceptLabel={said.markReturned}
          busyLabel={said.saving}
          busy={busy}
          onAccept={mark}
          onBack={() => setAsking(false)}
          testId="mark-returned-confirm"
        />
      )}
    </section>
  );
}

/**
 * A payment that arrived after its request expired, until the cashier decides: Keep (it counts as
 * paid) or Refund. Where the provider takes refunds through the terminal the refund form does it;
 * elsewhere Refund asks, then ends the sale with the money to be given back through the console.
 */
export function LateDecision({ payment, onDecided }: DecisionProps) {
  const terminal = useCashierStore((s) => s.terminal);
  const actions = useActions();
  const [asking, setAsking] = useState(false);
  const { busy, answer, decide } = useDecision(onDecided);
  const method = findMethod(terminal, payment.method);
  const all = useWords();
  const words = all.refund;
  const said = words.moneyBack;
  if (!isUndecidedLate(payment.state) || method === null) return null;
  const locale = terminal?.locale;
  const whole = lateWhole(payment);
  const keep = (): void => void decide(() => actions.api.keepLate({ paymentId: payment.id }), () => said.kept);
  const refund = (): void =>
    void decide(
      () => actions.refund(payment.id, whole),
      () => said.toBeReturned(formatAmount(whole, locale)),
    ).then(() => setAsking(false));
  return (
    <section className="refund refund--late" aria-label={said.lateLabel} data-testid="late-decision">
      <h3 className="refund__title">{words.paidAfterExpiry}</h3>
      <p className="refund__rule">{said.lateRule(formatAmount(whole, locale))}</p>
      <div className="refund__choices">
        <button type="button" className="button button--primary" data-testid="keep-late" disabled={busy} onClick={keep}>
          {said.keep}
        </button>
        {!method.refunds.supported && (
          <button type="button" className="button button--refund" data-testid="refund-late" disabled={busy} onClick={() => setAsking(true)}>
            {said.refundAsk(formatAmount(whole, locale))}
          </button>
        )}
      </div>
      {method.refunds.supported && <p className="refund__rule">{said.useFormBelow}</p>}
      <AnswerLine answer={answer} testId="late-answer" />
      {asking && (
        <ConfirmDialog
          title={words.form.confirmTitle(formatAmount(whole, locale))}
          question={lateRefundQuestion(payment, terminal?.language.display[0] ?? 'en', locale, all)}
          acceptLabel={words.form.confirmAccept(formatAmount(whole, locale))}
          busyLabel={words.form.refunding}
          busy={busy}
          onAccept={refund}
          onBack={() => setAsking(false)}
          testId="late-refund-confirm"
        />
      )}
    </section>
  );
}
