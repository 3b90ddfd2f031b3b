import { describe, expect, it } from 'vitest';
import { MAX_SEARCH, prefixPattern, whereClause } from '../../electron/service/journal/list-query';

describe('history search in the journal query', () => {
  it('matches the order number, our reference and the provider id by prefix, all as bound parameters', () => {
    const where = whereClause({ search: '  INV-42 ' });
    expect(where.sql).toBe("WHERE (order_ref LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR provider_ref LIKE ? ESCAPE '\\')");
    expect(where.params).toEqual(['INV-42%', 'INV-42%', 'INV-42%']);
  });

  it("escapes LIKE's own wildcards and the escape character, so they match only themselves", () => {
    expect(prefixPattern('50%_OFF')).toBe('50\\%\\_OFF%');
    expect(prefixPattern('a\\b')).toBe('a\\\\b%');
    expect(prefixPattern('%')).toBe('\\%%');
    expect(prefixPattern('_')).toBe('\\_%');
    const where = whereClause({ search: "%' OR 1=1 --" });
    // The text never reaches the SQL: only the number of `?` is fixed, whatever is typed.
    expect(where.sql).not.toContain('1=1');
    expect(where.params[0]).toBe("\\%' OR 1=1 --%");
  });

  it('refuses a 10 kB search and an empty one instead of scanning for it', () => {
    expect(() => whereClause({ search: 'x'.repeat(10_240) })).toThrow(`search must be 1 to ${MAX_SEARCH} characters, got 10240`);
    expect(() => whereClause({ search: '%'.repeat(10_240) })).toThrow(RangeError);
    expect(() => whereClause({ search: '   ' })).toThrow('search must be 1 to 64 characters, got 0');
    expect(whereClause({ search: 'x'.repeat(MAX_SEARCH) }).params).toHaveLength(3);
  });

  it('joins the search to the other filters with AND', () => {
    const where = whereClause({ status: ['paid'], search: 'A1' });
    expect(where.sql).toBe("WHERE status IN (?) AND (order_ref LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR provider_ref LIKE ? ESCAPE '\\')");
    expect(where.params).toEqual(['paid', 'A1%', 'A1%', 'A1%']);
  });
});
