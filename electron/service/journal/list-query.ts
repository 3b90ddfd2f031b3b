import type { ListFilter, ListQuery } from './journal-types';

/** A page is what one screen shows; larger requests are a bug, not a bigger page. */
export const MAX_PAGE = 1000;

export interface SqlWhere {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

/**
 * Turns a history filter into a WHERE clause over indexed columns. Values always travel as bound
 * parameters; only the number of `?` depends on the input.
 */
export function whereClause(filter: ListFilter): SqlWhere {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const bound = (name: string, value: number | undefined, sql: string): void => {
    if (value === undefined) return;
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${String(value)}`);
    parts.push(sql);
    params.push(value);
  };
  bound('from', filter.from, 'created_at >= ?');
  bound('to', filter.to, 'created_at < ?');
  bound('minMinor', filter.minMinor, 'amount_minor >= ?');
  bound('maxMinor', filter.maxMinor, 'amount_minor <= ?');
  const anyOf = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined) return;
    // An empty list asks for nothing, rather than being silently read as "any".
    if (values.length === 0) {
      parts.push('0');
      return;
    }
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.currency !== undefined) {
    parts.push('currency = ?');
    params.push(filter.currency);
  }
  if (filter.operator !== undefined) {
    parts.push('operator_id = ?');
    params.push(filter.operator);
  }
  anyOf('status', filter.status);
  anyOf('method', filter.method);
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, params };
}

export function checkPage(query: ListQuery): void {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_PAGE}, got ${String(query.limit)}`);
  }
  if (!Number.isSafeInteger(query.offset) || query.offset < 0) {
    throw new RangeError(`offset must be a whole number of at least 0, got ${String(query.offset)}`);
  }
}
