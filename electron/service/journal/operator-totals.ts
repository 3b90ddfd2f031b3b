import type { OperatorTotals } from '../../../app/ipc/history';
import type { CurrencyCode } from '../../../app/money/currency';
import type { OperatorRef } from '../../../app/staff/staff';
import type { OperatorRefunds } from './audit-log';

/** The paid sales one person started in one currency over a period. */
export interface OperatorSales {
  readonly operator: OperatorRef | null;
  readonly currency: CurrencyCode;
  readonly count: number;
  readonly minor: number;
}

type Mutable = { -readonly [K in keyof OperatorTotals]: OperatorTotals[K] };

/** Named people by name (then id), nobody signed in last; each person's currencies in order. */
function byPerson(a: OperatorTotals, b: OperatorTotals): number {
  if (a.operator === null || b.operator === null) return (a.operator === null ? 1 : 0) - (b.operator === null ? 1 : 0) || a.currency.localeCompare(b.currency);
  return a.operator.name.localeCompare(b.operator.name) || a.operator.id.localeCompare(b.operator.id) || a.currency.localeCompare(b.currency);
}

/**
 * A period's figures per person and currency: the paid sales they started and the refunds they made.
 * Someone with neither (only failed or cancelled sales) is left out, as a method with nothing is.
 */
export function operatorTotals(sales: readonly OperatorSales[], refunds: readonly OperatorRefunds[]): readonly OperatorTotals[] {
  const rows = new Map<string, Mutable>();
  const entry = (operator: OperatorRef | null, currency: CurrencyCode): Mutable => {
    // A space cannot be in a staff id, so "nobody" can never meet someone's id.
    const key = `${operator?.id ?? ' nobody'} ${currency}`;
    let found = rows.get(key);
    if (found === undefined) {
      found = { operator, currency, paid: { count: 0, minor: 0 }, refunded: { count: 0, minor: 0 }, net: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const s of sales) {
    if (s.count === 0) continue;
    const row = entry(s.operator, s.currency);
    row.paid = { count: row.paid.count + s.count, minor: row.paid.minor + s.minor };
  }
  for (const r of refunds) {
    if (r.count === 0) continue;
    const row = entry(r.operator, r.currency);
    row.refunded = { count: row.refunded.count + r.count, minor: row.refunded.minor + r.minor };
  }
  return [...rows.values()].map((t) => ({ ...t, net: t.paid.minor - t.refunded.minor })).sort(byPerson);
}
