import { useState } from 'react';
import type { TerminalInfo } from '../../../app/ipc/contract';
import { isFinal, type Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { clockTime, lastAnswer, resolveQuestion, settledNews } from './parked-words';
import { useParkedStore } from './parked-store';
import { RefundForm } from '../refund/refund-form';
import { methodLabel } from '../shared/sale-choices';
import type { ParkedWords } from '../words/parked';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import { answerText } from '../refund/refund-answer';

export interface ParkedSaleCardProps {
  readonly payment: Payment;
  readonly terminal: TerminalInfo | null;
}

type CardProps = ParkedSaleCardProps & { readonly words: ParkedWords };

/** Why a manager closes a sale as not paid: as main checks it, so the button waits until it would pass. */
const MIN_REASON = 5;

/** What is known of a parked sale: amount, method, when, what it came to, and the last answer on its card. */
function ParkedSummary({ payment, terminal, words }: CardProps) {
  const locale = terminal?.locale;
  const answer = useParkedStore((s) => s.answers[payment.id] ?? null);
  const say = useSay();
  const common = useWords().common;
  const ended = isFinal(payment.state);
  return (
    <>
      <div className="parked-card__head">
        <span className="parked-card__amount">{formatAmount(payment.amount, locale)}</span>
        <span>{methodLabel(terminal, payment.method, common)}</span>
        <span className="details__ref">{payment.id}</span>
      </div>
      <p className="parked-card__when">
        {words.card.started(clockTime(payment.createdAt, locale))}
        {payment.parkedAt === undefined ? '' : words.card.parkedAt(clockTime(payment.parkedAt, locale))}
        {payment.orderRef === null ? '' : words.card.order(payment.orderRef)}
      </p>
      <p className="parked-card__state" data-testid="parked-state">
        {ended ? settledNews(payment, locale, words, say) : words.card.outcomeUnknown(lastAnswer(payment, locale, words, say))}
      </p>
      {answer !== null && (
        <p className={answer.ok ? 'history__answer' : 'history__answer history__answer--bad'} role="status" data-testid="parked-answer">
          {answerText(answer, say)}
        </p>
      )}
    </>
  );
}

/** The reason a manager will be asked to close the sale as not paid with; the question comes only once it would pass. */
function ResolveReason(props: {
  readonly paymentId: string;
  readonly reason: string;
  readonly onReason: (reason: string) => void;
  readonly blocked: boolean;
  readonly onBack: () => void;
  readonly onAsk: () => void;
  readonly words: ParkedWords;
}) {
  const { paymentId, reason, onReason, blocked, onBack, onAsk } = props;
  const words = props.words.card;
  return (
    <div className="parked-card__resolve">
      <label htmlFor={`reason-${paymentId}`}>{words.reasonLabel}</label>
      <input
        id={`reason-${paymentId}`}
        type="text"
        maxLength={200}
        value={reason}
        data-testid="parked-reason"
        onChange={(event) => onReason(event.target.value)}
        // Enter in the reason never closes a sale: only the question's own button does.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <div className="parked-card__actions">
        <button type="button" className="button button--secondary" data-testid="parked-resolve-back" onClick={onBack}>
          {words.back}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="parked-resolve-ask"
          disabled={reason.trim().length < MIN_REASON || blocked}
          onClick={onAsk}
        >
          {words.markNotPaidAsk}
        </button>
      </div>
    </div>
  );
}

/**
 * One parked sale: what is known (amount, method, when, the last answer) and what can be done: check
 * now, have a manager mark it resolved as not paid with a reason, or, once it turned out paid, refund it.
 */
export function ParkedSaleCard({ payment, terminal }: ParkedSaleCardProps) {
  const { parked } = useActions();
  const locale = terminal?.locale;
  const busy = useParkedStore((s) => s.busy[payment.id] ?? null);
  const [resolving, setResolving] = useState(false);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const words = useWords().parked;
  const say = useSay();
  const ended = isFinal(payment.state);

  const resolve = async (): Promise<void> => {
    const done = await parked.resolve(payment.id, reason.trim());
    setAsking(false);
    if (done) setResolving(false);
  };

  return (
    <li className={ended ? 'parked-card parked-card--ended' : 'parked-card'} data-testid="parked-sale" data-id={payment.id} data-status={payment.state.status}>
      <ParkedSummary payment={payment} terminal={terminal} words={words} />
      <div className="parked-card__actions">
        {!ended && (
          <button type="button" className="button button--secondary" data-testid="parked-check" disabled={busy !== null} onClick={() => void parked.checkNow(payment.id, locale, words, say)}>
            {busy === 'check' ? words.card.checking : words.card.checkNow}
          </button>
        )}
        {!ended && !resolving && (
          <button type="button" className="button button--secondary" data-testid="parked-resolve" disabled={busy !== null} onClick={() => setResolving(true)}>
            {words.card.markResolved}
          </button>
        )}
        {ended && (
          <button type="button" className="button button--secondary" data-testid="parked-ack" disabled={busy !== null} onClick={() => void parked.acknowledge(payment.id)}>
            {words.seen}
          </button>
        )}
      </div>
      {!ended && resolving && <ResolveReason paymentId={payment.id} reason={reason} onReason={setReason} blocked={busy !== null} onBack={() => setResolving(false)} onAsk={() => setAsking(true)} words={words} />}
      {ended && <RefundForm key={payment.id} payment={payment} title={words.card.refund} />}
      {asking && (
        <ConfirmDialog
          title={words.card.resolveTitle(formatAmount(payment.amount, locale))}
          question={resolveQuestion(payment, locale, words)}
          acceptLabel={words.card.markNotPaid}
          busyLabel={words.card.marking}
          busy={busy === 'resolve'}
          onAccept={() => void resolve()}
          onBack={() => setAsking(false)}
          testId="parked-resolve-confirm"
        />
      )}
    </li>
  );
}
