import type { TerminalInfo } from '../../../app/ipc/contract';
import { operatorLines } from '../../../app/history/operator-lines';
import type { DayPeriod, DayTotals } from '../../../app/ipc/history';
import type { CurrencyCode } from '../../../app/money/currency';
import { formatAmount } from '../../shared/format-amount';
import { grandTotals } from './day-close-words';
import { methodLabel } from '../shared/sale-choices';
import { useWords } from '../words/use-words';

export interface DayTotalsTableProps {
  readonly totals: readonly DayTotals[];
  readonly terminal: TerminalInfo;
  /** `eod` in the panel, `eod-confirm` in the question before closing: the same figures, told apart in tests. */
  readonly prefix: string;
  readonly caption?: string;
}

/** A period's figures per method and currency, then the grand total of each currency over every method. */
export function DayTotalsTable({ totals, terminal, prefix, caption }: DayTotalsTableProps) {
  const all = useWords();
  const { noPayments, table: words } = all.endOfDay;
  if (totals.length === 0) return <p data-testid={`${prefix}-preview`}>{noPayments}</p>;
  const money = (currency: CurrencyCode, minor: number) => formatAmount({ minor, currency }, terminal.locale);
  // Parked sales with their outcome unknown have a column of their own, only when there are any.
  const parked = totals.some((t) => t.parked !== undefined);
  return (
    <table className="eod-table" data-testid={`${prefix}-preview`}>
      {caption !== undefined && <caption className="eod-table__caption">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{words.method}</th>
          <th scope="col">{words.paid}</th>
          <th scope="col">{words.refunded}</th>
          <th scope="col">{words.net}</th>
          <th scope="col">{words.failed}</th>
          <th scope="col">{words.expired}</th>
          <th scope="col">{words.cancelled}</th>
          {parked && <th scope="col">{words.parked}</th>}
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={`${t.method}-${t.currency}`} data-testid={`${prefix}-row`} data-method={t.method} data-currency={t.currency}>
            <th scope="row">
              {methodLabel(terminal, t.method, all.common)} ({t.currency})
            </th>
            <td data-testid="eod-paid">
              {t.paid.count} · {money(t.currency, t.paid.minor)}
            </td>
            <td data-testid="eod-refunded">
              {t.refunded.count} · {money(t.currency, t.refunded.minor)}
            </td>
            <td data-testid="eod-net">{money(t.currency, t.net)}</td>
            <td data-testid="eod-failed">{t.failed}</td>
            <td data-testid="eod-expired">{t.expired}</td>
            <td data-testid="eod-cancelled">{t.cancelled}</td>
            {parked && <td data-testid="eod-parked-total">{t.parked === undefined ? '0' : `${t.parked.count} · ${money(t.currency, t.parked.minor)}`}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        {grandTotals(totals).map((g) => (
          <tr key={g.currency} className="eod-table__grand" data-testid={`${prefix}-grand`} data-currency={g.currency}>
            <th scope="row">{words.grandTotal(g.currency)}</th>
            <td data-testid="eod-paid">
              {g.paid.count} · {money(g.currency, g.paid.minor)}
            </td>
            <td data-testid="eod-refunded">
              {g.refunded.count} · {money(g.currency, g.refunded.minor)}
            </td>
            <td data-testid="eod-net">{money(g.currency, g.net)}</td>
            <td colSpan={parked ? 4 : 3} />
          </tr>
        ))}
      </tfoot>
    </table>
  );
}

export interface OperatorTotalsTableProps {
  readonly period: Pick<DayPeriod, 'operators'>;
  readonly terminal: TerminalInfo;
  readonly prefix: string;
}

/**
 * The same period per person and currency: the sales they started that were paid and the refunds
 * they made. Not shown in a one-person shop (nobody ever signed in), where it would only repeat the
 * grand totals.
 */
export function OperatorTotalsTable({ period, terminal, prefix }: OperatorTotalsTableProps) {
  const words = useWords().endOfDay.table;
  const lines = operatorLines(period);
  if (lines.length === 0) return null;
  const money = (currency: CurrencyCode, minor: number) => formatAmount({ minor, currency }, terminal.locale);
  return (
    <table className="eod-table" data-testid={`${prefix}-operators`}>
      <caption className="eod-table__caption">{words.perPerson}</caption>
      <thead>
        <tr>
          <th scope="col">{words.who}</th>
          <th scope="col">{words.salesPaid}</th>
          <th scope="col">{words.refundsMade}</th>
          <th scope="col">{words.net}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr
            key={`${line.operator?.id ?? ''}-${line.currency}`}
            data-testid={`${prefix}-operator`}
            data-operator={line.operator?.id ?? ''}
            data-currency={line.currency}
          >
            <th scope="row">
              {line.operator?.name ?? words.nobody} ({line.currency})
            </th>
            <td data-testid="eod-operator-paid">
              {line.paid.count} · {money(line.currency, line.paid.minor)}
            </td>
            <td data-testid="eod-operator-refunded">
              {line.refunded.count} · {money(line.currency, line.refunded.minor)}
            </td>
            <td data-testid="eod-operator-net">{money(line.currency, line.net)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
