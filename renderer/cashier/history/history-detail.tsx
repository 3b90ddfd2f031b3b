import { Fragment } from 'react';
import type { PaymentDetail } from '../../../app/ipc/history';
import { formatAmount } from '../../shared/format-amount';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { auditText, timelineText } from './history-timeline';
import { LateDecision, MoneyBackPanel } from '../refund/money-back-panel';
import { RefundForm } from '../refund/refund-form';
import { paymentStatusWords } from '../refund/refund-words';
import { methodLabel } from '../shared/sale-choices';
import { formatShopDateTime } from './shop-dates';

// The same date format as the list and its filter, with seconds: the timeline's steps can be close together.
const when = (at: number, locale: string | undefined): string => formatShopDateTime(at, locale ?? 'en-SG', true);

/** The journal's log and the audit of the sale as one list, oldest first; at the same time, the log's line comes first. */
function timelineLines(detail: PaymentDetail, locale: string | undefined): readonly { key: string; at: number; text: string; audit: boolean }[] {
  const log = detail.timeline.map((e) => ({ key: `log-${e.seq}`, at: e.at, text: timelineText(e, locale), audit: false }));
  const acts = detail.audit.map((e) => ({ key: `audit-${e.seq}`, at: e.at, text: auditText(e, locale), audit: true }));
  return [...log, ...acts].sort((a, b) => a.at - b.at || Number(a.audit) - Number(b.audit));
}

/** One payment from the journal: its timeline, the provider's ids, a reprint, and a refund where the provider takes one. */
export function HistoryDetail({ detail }: { readonly detail: PaymentDetail }) {
  const terminal = useCashierStore((s) => s.terminal);
  const answer = useCashierStore((s) => s.historyAnswer);
  const { history } = useActions();
  const { payment } = detail;
  const locale = terminal?.locale;

  return (
    <section className="history-detail" aria-label="Payment detail" data-testid="history-detail">
      <button type="button" className="button button--secondary" data-testid="history-back" onClick={() => history.backToList()}>
        ← Back to the list
      </button>
      <h3 className="history-detail__title" data-testid="history-detail-status">
        {paymentStatusWords(payment)} · {formatAmount(payment.amount, locale)}
      </h3>
      <dl className="details">
        <dt>Method</dt>
        <dd>{methodLabel(terminal, payment.method)}</dd>
        {payment.operator !== undefined && (
          <>
            <dt>Sold by</dt>
            <dd data-testid="history-detail-operator">{payment.operator.name}</dd>
          </>
        )}
        {payment.refundedMinor > 0 && (
          <>
            <dt>Refunded</dt>
            <dd data-testid="history-detail-refunded">{formatAmount({ minor: payment.refundedMinor, currency: payment.amount.currency }, locale)}</dd>
          </>
        )}
        {payment.orderRef !== null && (
          <>
            <dt>Order no.</dt>
            <dd>{payment.orderRef}</dd>
          </>
        )}
        {detail.providerIds.map((id) => (
          <Fragment key={`${id.label}-${id.value}`}>
            <dt>{id.label}</dt>
            <dd className="details__ref" data-testid="history-provider-id">
              {id.value}
            </dd>
          </Fragment>
        ))}
      </dl>
      <h4>Timeline</h4>
      <ol className="history-timeline" data-testid="history-timeline">
        {timelineLines(detail, locale).map((line) => (
          <li key={line.key} data-testid={line.audit ? 'history-audit' : undefined}>
            <time dateTime={new Date(line.at).toISOString()}>{when(line.at, locale)}</time> {line.text}
          </li>
        ))}
      </ol>
      <div className="history-detail__actions">
        <button type="button" className="button button--secondary" data-testid="history-reprint" onClick={() => void history.reprintReceipt()}>
          Reprint receipt
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
