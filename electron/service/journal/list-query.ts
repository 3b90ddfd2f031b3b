import type { ListFilter, ListQuery } from './journal-types';

/** A page is what one screen shows; larger requests are a bug, not a bigger page. */
export const MAX_PAGE = 1000;

/** Longest search text: order numbers and ids are short, so more is a mistake or an attack, refused rather than matched. */
export const MAX_SEARCH = 64;

/** Where a search looks: the cashier's order number, our reference, the provider's id (each has a NOCASE index). */
const SEARCH_COLUMNS = ['order_ref', 'id', 'provider_ref'] as const;

/**
 * A LIKE pattern for "starts with `text`" (an exact match included): the text's own `%`, `_` and `\`
 * are escaped, so an order number "50%_OFF" matches itself and not every order.
 */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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
  if (filter.search !== undefined) {
    const text = filter.search.trim();
    if (text.length === 0 || text.length > MAX_SEARCH) throw new RangeError(`search must be 1 to ${MAX_SEARCH} characters, got ${text.length}`);
    // LIKE over NOCASE indexes: a prefix without a leading wildcard is a range seek, not a scan.
    parts.push(`(${SEARCH_COLUMNS.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...SEARCH_COLUMNS.map(() => prefixPattern(text)));
  }
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
