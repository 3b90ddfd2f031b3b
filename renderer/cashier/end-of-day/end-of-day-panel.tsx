import { useEffect } from 'react';
import type { TerminalInfo } from '../../../app/ipc/contract';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { dayAnswerText } from './day-answer';
import { closeDayQuestion, emptyDayQuestion, isEmptyDay, nextReportNumber } from './day-close-words';
import { DayTotalsTable, OperatorTotalsTable } from './day-totals-table';
import { MoneyBackTable } from './money-back-table';
import { ParkedWarning } from '../parked/parked-warning';
import { useModalDialog } from '../shared/use-modal-dialog';
import { useSay } from '../shared/use-say';
import { useWords } from '../words/use-words';
import '../history/history.css';

const when = (at: number, locale: string): string =>
  new Date(at).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** The reports kept so far, each to reprint or export. */
function EarlierReports({ terminal }: { readonly terminal: TerminalInfo }) {
  const { dayReport } = useActions();
  const reports = useCashierStore((s) => s.dayReports);
  const words = useWords().endOfDay;
  return (
    <>
      <h3>{words.earlierReports}</h3>
      {reports.length === 0 ? (
        <p data-testid="eod-reports">{words.noReports}</p>
      ) : (
        <ul className="eod-reports" data-testid="eod-reports">
          {reports.map((r) => (
            <li key={r.number} data-testid="eod-report" data-number={r.number}>
              <span className="eod-reports__name">{words.report(r.number, when(r.from, terminal.locale), when(r.to, terminal.locale))}</span>
              <button type="button" className="button button--secondary" data-testid="eod-reprint" onClick={() => void dayReport.reprint(r.number)}>
                {words.reprint}
              </button>
              <button type="button" className="button button--secondary" data-testid="eod-csv" onClick={() => void dayReport.exportCsv(r.number)}>
                {words.csv}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
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
  const confirming = useCashierStore((s) => s.dayConfirming);
  const words = useWords().endOfDay;
  const says = words.closeWords;
  const say = useSay();

  useEffect(() => {
    void dayReport.open();
    return dayReport.close;
  }, [dayReport]);

  const empty = preview !== null && isEmptyDay(preview.totals);
  const shown = answer === null ? null : dayAnswerText(answer, says, say);
  return (
    <dialog ref={dialog} className="history-panel" data-testid="eod-panel" aria-labelledby="eod-title" onCancel={(e) => e.preventDefault()}>
      {/* Close (Esc) sits up here, away from Close the day below, so one cannot be pressed for the other. */}
      <div className="history-panel__head">
        <h2 id="eod-title">{words.title}</h2>
        <button type="button" className="button button--secondary" data-testid="eod-dismiss" onClick={onClose}>
          {words.close}
        </button>
      </div>
      {preview !== null && (
        <section aria-label={words.openDay}>
          <p data-testid="eod-period">{words.since(when(preview.from, terminal.locale))}</p>
          <DayTotalsTable totals={preview.totals} terminal={terminal} prefix="eod" />
          <MoneyBackTable totals={preview.totals} terminal={terminal} prefix="eod" />
          <OperatorTotalsTable period={preview} terminal={terminal} prefix="eod" />
          <ParkedWarning terminal={terminal} testId="eod-parked" />
          <button type="button" className="button button--danger" data-testid="eod-close-day" disabled={closing} onClick={() => void dayReport.askToCloseDay()}>
            {closing ? words.closing : words.closeDay}
          </button>
        </section>
      )}
      {shown !== null && (
        <p className={shown.ok ? 'history__answer' : 'history__answer history__answer--bad'} role="status" data-testid="eod-answer">
          {shown.text}
        </p>
      )}
      <EarlierReports terminal={terminal} />
      {confirming && preview !== null && (
        <ConfirmDialog
          title={empty ? says.emptyTitle : says.title(nextReportNumber(reports))}
          question={empty ? emptyDayQuestion(reports, Date.now(), says) : closeDayQuestion(reports, preview.from, Date.now(), says)}
          acceptLabel={empty ? says.acceptEmpty : says.accept}
          busyLabel={words.closing}
          busy={closing}
          onAccept={() => void dayReport.closeDay()}
          onBack={dayReport.backFromCloseDay}
          testId="eod-confirm"
        >
          <ParkedWarning terminal={terminal} testId="eod-confirm-parked" />
          {!empty && <DayTotalsTable totals={preview.totals} terminal={terminal} prefix="eod-confirm" caption={says.figures} />}
          {!empty && <MoneyBackTable totals={preview.totals} terminal={terminal} prefix="eod-confirm" />}
          {!empty && <OperatorTotalsTable period={preview} terminal={terminal} prefix="eod-confirm" />}
        </ConfirmDialog>
      )}
    </dialog>
  );
}
