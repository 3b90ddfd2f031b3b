import { Fragment } from 'react';
import type { PaymentDetail } from '../../../app/ipc/history';
import type { Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { historyStatusWords } from './history-status';
import { auditText, timelineText } from './history-timeline';
import { LateDecision, MoneyBackPanel } from '../refund/money-back-panel';
import { RefundForm } from '../refund/refund-form';
import { methodLabel } from '../shared/sale-choices';
import type { HistoryWords } from '../words/history';
import type { PaymentWords } from '../words/payment';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import type { Told } from '../shared/told';
import { formatShopDateTime } from './shop-dates';

// The same date format as the list and its filter, with seconds: the timeline's steps can be close together.
const when = (at: number, locale: string | undefined): string => formatShopDateTime(at, locale ?? 'en-SG', true);

/** The journal's log and the audit of the sale as one list, oldest first; at the same time, the log's line comes first. */
function timelineLines(
  detail: PaymentDetail,
  locale: string | undefined,
  words: HistoryWords,
  say: (told: Told) => string,
): readonly { key: string; at: number; text: string; audit: boolean }[] {
  const log = detail.timeline.map((e) => ({ key: `log-${e.seq}`, at: e.at, text: timelineText(e, locale, words, say), audit: false }));
  const acts = detail.audit.map((e) => ({ key: `audit-${e.seq}`, at: e.at, text: auditText(e, locale, words), audit: true }));
  return [...log, ...acts].sort((a, b) => a.at - b.at || Number(a.audit) - Number(b.audit));
}

/**
 * What names one of the payment's ids: the service labels ours and the provider's in English, and the
 * screen knows both, so it names them as the payment screen does; a related id keeps the provider's own type.
 */
function idLabel(id: { readonly label: string; readonly value: string }, payment: Payment, words: PaymentWords['details']): string {
  if (id.value === payment.id) return words.ourReference;
  if (id.value === payment.providerRef) return words.providerReference;
  return id.label;
}

/** One payment from the journal: its timeline, the provider's ids, a reprint, and a refund where the provider takes one. */
export function HistoryDetail({ detail }: { readonly detail: PaymentDetail }) {
  const terminal = useCashierStore((s) => s.terminal);
  const answer = useCashierStore((s) => s.historyAnswer);
  const { history } = useActions();
  const { payment } = detail;
  const locale = terminal?.locale;
  const all = useWords();
  const say = useSay();
  const words = all.history;
  const says = words.detail;

  return (
    <section className="history-detail" aria-label={says.label} data-testid="history-detail">
      <button type="button" className="button button--secondary" data-testid="history-back" onClick={() => history.backToList()}>
        {says.back}
      </button>
      <h3 className="history-detail__title" data-testid="history-detail-status">
        {historyStatusWords(payment, all)} · {formatAmount(payment.amount, locale)}
      </h3>
      <dl className="details">
        <dt>{words.method}</dt>
        <dd>{methodLabel(terminal, payment.method, all.common)}</dd>
        {payment.operator !== undefined && (
          <>
            <dt>{words.soldBy}</dt>
            <dd data-testid="history-detail-operator">{payment.operator.name}</dd>
          </>
        )}
        {payment.refundedMinor > 0 && (
          <>
            <dt>{says.refunded}</dt>
            <dd data-testid="history-detail-refunded">{formatAmount({ minor: payment.refundedMinor, currency: payment.amount.currency }, locale)}</dd>
          </>
        )}
        {payment.orderRef !== null && (
          <>
            <dt>{says.orderNo}</dt>
            <dd>{payment.orderRef}</dd>
          </>
        )}
        {detail.providerIds.map((id) => (
          <Fragment key={`${id.label}-${id.value}`}>
            <dt>{idLabel(id, payment, all.payment.details)}</dt>
            <dd className="details__ref" data-testid="history-provider-id">
              {id.value}
            </dd>
          </Fragment>
        ))}
      </dl>
      <h4>{says.timeline}</h4>
      <ol className="history-timeline" data-testid="history-timeline">
        {timelineLines(detail, locale, words, say).map((line) => (
          <li key={line.key} data-testid={line.audit ? 'history-audit' : undefined}>
            <time dateTime={new Date(line.at).toISOString()}>{when(line.at, locale)}</time> {line.text}
          </li>
        ))}
      </ol>
      <div className="history-detail__actions">
        <button type="button" className="button button--secondary" data-testid="history-reprint" onClick={() => void history.reprintReceipt()}>
          {says.reprint}
        </button>
      </div>
      <LateDecision payment={payment} onDecided={() => void history.refreshAfterRefund(payment.id)} />
      <MoneyBackPanel payment={payment} onDecided={() => void history.refreshAfterRefund(payment.id)} />
      <RefundForm key={payment.id} payment={payment} onRefunded={() => void history.refreshAfterRefund(payment.id)} />
      {answer !== null && (
        <p className={answer.ok ? 'history__answer' : 'history__answer history__answer--bad'} role="status" data-testid="history-detail-answer">
          {answer.text}
        </p>
      )}
    </section>
  );
}
