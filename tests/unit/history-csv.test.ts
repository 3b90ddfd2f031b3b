import { describe, expect, it } from 'vitest';
import { csvField, csvText, dayReportCsv } from '../../app/history/csv';

describe('CSV for history and end of day (RFC 4180)', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
  });

  it('ends every record, the last too, with CRLF', () => {
    expect(csvText([['a', 'b'], ['1', '']])).toBe('a,b\r\n1,\r\n');
  });

  it('writes a day report in exact decimals of each currency, a negative net included', () => {
    const csv = dayReportCsv({
      number: 7,
      from: Date.UTC(2026, 11, 1),
      to: Date.UTC(2026, 11, 2),
      createdAt: Date.UTC(2026, 11, 2),
      totals: [
        { method: 'atome', currency: 'SGD', paid: { count: 0, minor: 0 }, refunded: { count: 1, minor: 1505 }, net: -1505, failed: 0, expired: 2, cancelled: 1 },
        { method: 'demo', currency: 'JPY', paid: { count: 3, minor: 99_999_999_999 }, refunded: { count: 0, minor: 0 }, net: 99_999_999_999, failed: 1, expired: 0, cancelled: 0 },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'report,from,to,created_at,method,currency,paid_count,paid,refunded_count,refunded,net,failed_count,expired_count,cancelled_count',
      '7,2026-12-01T00:00:00.000Z,2026-12-02T00:00:00.000Z,2026-12-02T00:00:00.000Z,atome,SGD,0,0.00,1,15.05,-15.05,0,2,1',
      '7,2026-12-01T00:00:00.000Z,2026-12-02T00:00:00.000Z,2026-12-02T00:00:00.000Z,demo,JPY,3,99999999999,0,0,99999999999,1,0,0',
      '',
    ]);
  });
});
