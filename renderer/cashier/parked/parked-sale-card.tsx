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

export interface ParkedSaleCardProps {
  readonly payment: Payment;
  readonly terminal: TerminalInfo | null;
}

/** Why a manager closes a sale as not paid: as main checks it, so the button waits until it would pass. */
const MIN_REASON = 5;

/** What is known of a parked sale: amount, method, when, what it came to, and the last answer on its card. */
function ParkedSummary({ payment, terminal }: ParkedSaleCardProps) {
  const locale = terminal?.locale;
  const answer = useParkedStore((s) => s.answers[payment.id] ?? null);
  const ended = isFinal(payment.state);
  return (
    <>
      <div className="parked-card__head">
        <span className="parked-card__amount">{formatAmount(payment.amount, locale)}</span>
        <span>{methodLabel(terminal, payment.method)}</span>
        <span className="details__ref">{payment.id}</span>
      </div>
      <p className="parked-card__when">
        Started {clockTime(payment.createdAt, locale)}
        {payment.parkedAt === undefined ? '' : `, parked ${clockTime(payment.parkedAt, locale)}`}
        {payment.orderRef === null ? '' : `, order ${payment.orderRef}`}
      </p>
      <p className="parked-card__state" data-testid="parked-state">
        {ended ? settledNews(payment, locale) : `Outcome unknown — not paid so far. Last answer: ${lastAnswer(payment, locale)}`}
      </p>
      {answer !== null && (
        <p className={answer.ok ? 'history__answer' : 'history__answer history__answer--bad'} role="status" data-testid="parked-answer">
          {answer.text}
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
}) {
  const { paymentId, reason, onReason, blocked, onBack, onAsk } = props;
  return (
    <div className="parked-card__resolve">
      <label htmlFor={`reason-${paymentId}`}>Why it was not paid (what the provider&apos;s console shows); a manager decides</label>
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
          Back
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="parked-resolve-ask"
          disabled={reason.trim().length < MIN_REASON || blocked}
          onClick={onAsk}
        >
          Mark not paid…
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
  const ended = isFinal(payment.state);

  const resolve = async (): Promise<void> => {
    const done = await parked.resolve(payment.id, reason.trim());
    setAsking(false);
    if (done) setResolving(false);
  };

  return (
    <li className={ended ? 'parked-card parked-card--ended' : 'parked-card'} data-testid="parked-sale" data-id={payment.id} data-status={payment.state.status}>
      <ParkedSummary payment={payment} terminal={terminal} />
      <div className="parked-card__actions">
        {!ended && (
          <button type="button" className="button button--secondary" data-testid="parked-check" disabled={busy !== null} onClick={() => void parked.checkNow(payment.id, locale)}>
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>
        )}
        {!ended && !resolving && (
          <button type="button" className="button button--secondary" data-testid="parked-resolve" disabled={busy !== null} onClick={() => setResolving(true)}>
            Mark resolved…
          </button>
        )}
        {ended && (
          <button type="button" className="button button--secondary" data-testid="parked-ack" disabled={busy !== null} onClick={() => void parked.acknowledge(payment.id)}>
            Seen
          </button>
        )}
      </div>
      {!ended && resolving && <ResolveReason paymentId={payment.id} reason={reason} onReason={setReason} blocked={busy !== null} onBack={() => setResolving(false)} onAsk={() => setAsking(true)} />}
      {ended && <RefundForm key={payment.id} payment={payment} title="Refund" />}
      {asking && (
        <ConfirmDialog
          title={`Mark ${formatAmount(payment.amount, locale)} as not paid?`}
          question={resolveQuestion(payment, locale)}
          acceptLabel="Mark not paid"
          busyLabel="Marking…"
          busy={busy === 'resolve'}
          onAccept={() => void resolve()}
          onBack={() => setAsking(false)}
          testId="parked-resolve-confirm"
        />
      )}
    </li>
  );
}
