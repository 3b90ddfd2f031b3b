import type { TerminalInfo } from '../../../app/ipc/contract';
import type { DayTotals } from '../../../app/ipc/history';
import type { CurrencyCode } from '../../../app/money/currency';
import { formatAmount } from '../../shared/format-amount';
import { methodLabel } from '../shared/sale-choices';
import { useWords } from '../words/use-words';

export interface MoneyBackTableProps {
  readonly totals: readonly DayTotals[];
  readonly terminal: TerminalInfo;
  readonly prefix: string;
}

/**
 * Sales cancelled after money had arrived, apart from sales and cancellations: per method and
 * currency, what is still to be given back and what was marked returned. Shown only when there are any.
 */
export function MoneyBackTable({ totals, terminal, prefix }: MoneyBackTableProps) {
  const all = useWords();
  const words = all.endOfDay.table;
  const rows = totals.filter((t) => t.moneyBack !== undefined);
  if (rows.length === 0) return null;
  const money = (currency: CurrencyCode, minor: number) => formatAmount({ minor, currency }, terminal.locale);
  const notReported = rows.reduce((n, t) => n + (t.moneyBack?.notReported ?? 0), 0);
  return (
    <table className="eod-table" data-testid={`${prefix}-money-back`}>
      <caption className="eod-table__caption">{words.moneyBack}</caption>
      <thead>
        <tr>
          <th scope="col">{words.method}</th>
          <th scope="col">{words.toReturn}</th>
          <th scope="col">{words.returned}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={`${t.method}-${t.currency}`} data-testid={`${prefix}-money-back-row`} data-method={t.method} data-currency={t.currency}>
            <th scope="row">
              {methodLabel(terminal, t.method, all.common)} ({t.currency})
            </th>
            <td data-testid="eod-to-return">
              {t.moneyBack?.toReturn.count ?? 0} · {money(t.currency, t.moneyBack?.toReturn.minor ?? 0)}
            </td>
            <td data-testid="eod-returned">
              {t.moneyBack?.returned.count ?? 0} · {money(t.currency, t.moneyBack?.returned.minor ?? 0)}
            </td>
          </tr>
        ))}
      </tbody>
      {notReported > 0 && (
        <tfoot>
          <tr>
            <td colSpan={3} data-testid={`${prefix}-money-back-unreported`}>
              {words.notReported(notReported)}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
