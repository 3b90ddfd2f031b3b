import type { DayPeriod, OperatorTotals } from '../ipc/history';

/** How a day report names the sales made while nobody was signed in. */
const NOBODY_SIGNED_IN = 'Nobody signed in';

/**
 * The per-person lines a report shows, printed and in its CSV: none when nobody was signed in all
 * period (a one-person shop), where the one line would only repeat each currency's grand total.
 * A closed report from before the journal kept them has none either.
 */
export function operatorLines(period: Pick<DayPeriod, 'operators'>): readonly OperatorTotals[] {
  const operators = period.operators ?? [];
  return operators.some((line) => line.operator !== null) ? operators : [];
}

/** The person's name as kept with their sales, or the words for nobody signed in. */
export const operatorName = (line: Pick<OperatorTotals, 'operator'>): string => line.operator?.name ?? NOBODY_SIGNED_IN;
