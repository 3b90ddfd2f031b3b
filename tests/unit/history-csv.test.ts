import { describe, expect, it } from 'vitest';
import { csvField, csvText, dayReportCsv, inertText, paymentsCsv } from '../../app/history/csv';
import type { Payment } from '../../app/payment/payment';
import { aPayment } from '../support/payment-fixture';

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
        // One sale parked with its outcome unknown: kept apart from every count.
        { method: 'atome', currency: 'SGD', paid: { count: 0, minor: 0 }, refunded: { count: 1, minor: 1505 }, net: -1505, failed: 0, expired: 2, cancelled: 1, parked: { count: 1, minor: 1200 } },
        // Two sales cancelled after money arrived: one still to return, one returned whose amount was never reported.
        {
          method: 'orangepill',
          currency: 'SGD',
          paid: { count: 0, minor: 0 },
          refunded: { count: 0, minor: 0 },
          net: 0,
          failed: 0,
          expired: 0,
          cancelled: 0,
          moneyBack: { toReturn: { count: 1, minor: 1000 }, returned: { count: 1, minor: 0 }, notReported: 1 },
        },
        { method: 'demo', currency: 'JPY', paid: { count: 3, minor: 99_999_999_999 }, refunded: { count: 0, minor: 0 }, net: 99_999_999_999, failed: 1, expired: 0, cancelled: 0 },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'report,from,to,created_at,method,currency,paid_count,paid,refunded_count,refunded,net,failed_count,expired_count,cancelled_count,operator,parked_count,parked,' +
        'to_return_count,to_return,returned_count,returned,received_not_reported_count',
      '7,2026-12-01T00:00:00.000Z,2026-12-02T00:00:00.000Z,2026-12-02T00:00:00.000Z,atome,SGD,0,0.00,1,15.05,-15.05,0,2,1,,1,12.00,0,0.00,0,0.00,0',
      '7,2026-12-01T00:00:00.000Z,2026-12-02T00:00:00.000Z,2026-12-02T00:00:00.000Z,orangepill,SGD,0,0.00,0,0.00,0.00,0,0,0,,0,0.00,1,10.00,1,0.00,1',
      '7,2026-12-01T00:00:00.000Z,2026-12-02T00:00:00.000Z,2026-12-02T00:00:00.000Z,demo,JPY,3,99999999999,0,0,99999999999,1,0,0,,0,0,0,0,0,0,0',
      '',
    ]);
  });

  it("adds each person's sales and refunds after the methods, once anyone was signed in, with nobody signed in last", () => {
    const period = { number: 8, from: Date.UTC(2026, 11, 2), to: Date.UTC(2026, 11, 3), createdAt: Date.UTC(2026, 11, 3) };
    const totals = [
      { method: 'demo' as const, currency: 'SGD' as const, paid: { count: 3, minor: 3500 }, refunded: { count: 1, minor: 500 }, net: 3000, failed: 0, expired: 0, cancelled: 0 },
    ];
    const csv = dayReportCsv({
      ...period,
      totals,
      operators: [
        { operator: { id: 'ali', name: '=Ali' }, currency: 'SGD', paid: { count: 2, minor: 3000 }, refunded: { count: 1, minor: 500 }, net: 2500 },
        { operator: null, currency: 'SGD', paid: { count: 1, minor: 500 }, refunded: { count: 0, minor: 0 }, net: 500 },
      ],
    });
    const head = '8,2026-12-02T00:00:00.000Z,2026-12-03T00:00:00.000Z,2026-12-03T00:00:00.000Z';
    expect(csv.split('\r\n').slice(1)).toEqual([
      `${head},demo,SGD,3,35.00,1,5.00,30.00,0,0,0,,0,0.00,0,0.00,0,0.00,0`,
      // A name is the staff list's text: made inert like any text from a person.
      `${head},,SGD,2,30.00,1,5.00,25.00,,,,'=Ali,,,,,,,`,
      `${head},,SGD,1,5.00,0,0.00,5.00,,,,Nobody signed in,,,,,,,`,
      '',
    ]);
    // A one-person shop (nobody ever signed in) and a report from before the journal kept people: methods only.
    const alone = dayReportCsv({ ...period, totals, operators: [{ operator: null, currency: 'SGD', paid: { count: 3, minor: 3500 }, refunded: { count: 1, minor: 500 }, net: 3000 }] });
    expect(alone).toBe(dayReportCsv({ ...period, totals }));
    expect(alone.split('\r\n')).toHaveLength(3);
  });

  it('makes text from a cashier or a provider inert in a spreadsheet, leaving amounts alone', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', 'A-1', ''].map(inertText)).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", 'A-1', '']);
    const payment: Payment = aPayment({
      id: 'T1',
      amount: { minor: 1000, currency: 'SGD' },
      method: 'demo',
      orderRef: '=HYPERLINK("http://evil.example","open")',
      providerRef: '@evil',
      createdAt: Date.UTC(2026, 11, 6),
      updatedAt: Date.UTC(2026, 11, 6),
      state: { status: 'failed', failure: { code: '+code', message: "-1+cmd|' /C calc'!A0" } },
    });
    const [, row] = paymentsCsv([payment]).split('\r\n');
    expect(row).toBe(
      'T1,2026-12-06T00:00:00.000Z,2026-12-06T00:00:00.000Z,demo,failed,SGD,10.00,0.00,"\'=HYPERLINK(""http://evil.example"",""open"")",\'@evil,,\'+code,\'-1+cmd|\' /C calc\'!A0,,,',
    );
    const [, byStaff] = paymentsCsv([{ ...payment, operator: { id: 'x', name: '@Ali' } }]).split('\r\n');
    expect(byStaff?.endsWith(",,,'@Ali")).toBe(true);
  });

  it('says what arrived where it is not the amount asked: reported, or flagged as not reported', () => {
    const base: Payment = aPayment({
      id: 'T2',
      amount: { minor: 2000, currency: 'SGD' },
      method: 'orangepill',
      providerRef: 'op1',
      createdAt: Date.UTC(2026, 11, 6),
      updatedAt: Date.UTC(2026, 11, 6),
      state: { status: 'awaiting' },
    });
    const last = (state: Payment['state']) => (paymentsCsv([{ ...base, state }]).split('\r\n')[1] ?? '').split(',').slice(-3, -1);
    const paidAt = Date.UTC(2026, 11, 6, 1);
    expect(last({ status: 'partially_paid', received: null })).toEqual(['', 'received_not_reported']);
    expect(last({ status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } })).toEqual(['10.00', '']);
    expect(last({ status: 'paid', paidAt, overpaid: true })).toEqual(['', 'overpaid received_not_reported']);
    expect(last({ status: 'paid', paidAt, received: { minor: 2200, currency: 'SGD' } })).toEqual(['22.00', 'overpaid']);
    expect(last({ status: 'paid', paidAt, late: true })).toEqual(['', 'late']);
    expect(last({ status: 'paid', paidAt })).toEqual(['', '']);
  });

  it('names who started each sale in the last column, empty when nobody was signed in', () => {
    const sale = (operator?: { id: string; name: string }): Payment => aPayment({
      id: 'T3',
      amount: { minor: 500, currency: 'SGD' },
      method: 'demo',
      createdAt: Date.UTC(2026, 11, 6),
      updatedAt: Date.UTC(2026, 11, 6),
      state: { status: 'paid', paidAt: Date.UTC(2026, 11, 6) },
      ...(operator === undefined ? {} : { operator }),
    });
    const [header, byAli, alone] = paymentsCsv([sale({ id: 'ali', name: 'Ali Tan, jr' }), sale()]).split('\r\n');
    expect(header?.split(',').at(-1)).toBe('operator');
    expect(byAli?.endsWith(',"Ali Tan, jr"')).toBe(true);
    expect(alone?.endsWith(',,')).toBe(true);
  });
});
