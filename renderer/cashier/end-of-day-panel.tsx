import { useEffect } from 'react';
import type { TerminalInfo } from '../../app/ipc/contract';
import type { DayTotals } from '../../app/ipc/history';
import { formatAmount } from '../shared/format-amount';
import { useActions } from './actions-context';
import { useCashierStore } from './cashier-store';
import { methodLabel } from './sale-choices';
import { useModalDialog } from './use-modal-dialog';
import './history.css';

const when = (at: number, locale: string): string =>
  new Date(at).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

function TotalsTable({ totals, terminal, testId }: { readonly totals: readonly DayTotals[]; readonly terminal: TerminalInfo; readonly testId: string }) {
  if (totals.length === 0) return <p data-testid={testId}>No payments in this period</p>;
  const money = (t: DayTotals, minor: number) => formatAmount({ minor, currency: t.currency }, terminal.locale);
  return (
    <table className="eod-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Paid</th>
          <th scope="col">Refunded</th>
          <th scope="col">Net</th>
          <th scope="col">Failed</th>
          <th scope="col">Expired</th>
          <th scope="col">Cancelled</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={`${t.method}-${t.currency}`} data-testid="eod-row" data-method={t.method} data-currency={t.currency}>
            <th scope="row">
              {methodLabel(terminal, t.method)} ({t.currency})
            </th>
            <td data-testid="eod-paid">
              {t.paid.count} · {money(t, t.paid.minor)}
            </td>
            <td data-testid="eod-refunded">
              {t.refunded.count} · {money(t, t.refunded.minor)}
            </td>
            <td data-testid="eod-net">{money(t, t.net)}</td>
            <td data-testid="eod-failed">{t.failed}</td>
            <td data-testid="eod-expired">{t.expired}</td>
            <td data-testid="eod-cancelled">{t.cancelled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** End of day: the open day's figures, closing it as the next numbered report, and the reports kept so far. */
export function EndOfDayPanel({ terminal, onClose }: { readonly terminal: TerminalInfo; readonly onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  const { dayReport } = useActions();
  const preview = useCashierStore((s) => s.dayPreview);
  const reports = useCashierStore((s) => s.dayReports);
  const answer = useCashierStore((s) => s.dayAnswer);
  const closing = useCashierStore((s) => s.dayClosing);

  useEffect(() => {
    void dayReport.open();
    return dayReport.close;
  }, [dayReport]);

  return (
    <dialog ref={dialog} className="history-panel" data-testid="eod-panel" aria-labelledby="eod-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="eod-title">End of day</h2>
      {preview !== null && (
        <section aria-label="Open day">
          <p data-testid="eod-period">
            Since {when(preview.from, terminal.locale)} (the last report&apos;s end, or the first sale), up to now
          </p>
          <TotalsTable totals={preview.totals} terminal={terminal} testId="eod-preview" />
          <button type="button" className="button button--primary" data-testid="eod-close-day" disabled={closing} onClick={() => void dayReport.closeDay()}>
            {closing ? 'Closing…' : 'Close the day'}
          </button>
        </section>
      )}
      {answer !== null && (
        <p className={answer.ok ? 'history__answer' : 'history__answer history__answer--bad'} role="status" data-testid="eod-answer">
          {answer.text}
        </p>
      )}
      <h3>Earlier reports</h3>
      {reports.length === 0 ? (
        <p data-testid="eod-reports">No day has been closed yet</p>
      ) : (
        <ul className="eod-reports" data-testid="eod-reports">
          {reports.map((r) => (
            <li key={r.number} data-testid="eod-report" data-number={r.number}>
              <span className="eod-reports__name">
                No. {r.number}: {when(r.from, terminal.locale)} – {when(r.to, terminal.locale)}
              </span>
              <button type="button" className="button button--secondary" data-testid="eod-reprint" onClick={() => void dayReport.reprint(r.number)}>
                Reprint
              </button>
              <button type="button" className="button button--secondary" data-testid="eod-csv" onClick={() => void dayReport.exportCsv(r.number)}>
                CSV
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--primary" data-testid="eod-dismiss" onClick={onClose}>
        Close (Esc)
      </button>
    </dialog>
  );
}
