import { describe, expect, it } from 'vitest';
import type { DayReport, DayTotals } from '../../app/ipc/history';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { closeDayQuestion, emptyDayQuestion, grandTotals, isEmptyDay, nextReportNumber, reportTimeText } from '../../renderer/cashier/end-of-day/day-close-words';

// Local times, so the sentences read the same in any time zone the tests run in.
const EN = CASHIER_WORDS.en.endOfDay.closeWords;
const at = (day: number, hour: number, minute: number) => new Date(2026, 10, day, hour, minute).getTime();

const row = (method: DayTotals['method'], currency: DayTotals['currency'], paid: [number, number], refunded: [number, number]): DayTotals => ({
  method,
  currency,
  paid: { count: paid[0], minor: paid[1] },
  refunded: { count: refunded[0], minor: refunded[1] },
  net: paid[1] - refunded[1],
  failed: 1,
  expired: 0,
  cancelled: 0,
});

const report = (number: number, to: number): DayReport => ({ number, from: to - 3_600_000, to, createdAt: to, totals: [] });

describe('the grand total per currency', () => {
  it('adds every method of one currency, and never adds one currency to another', () => {
    const totals = [row('demo', 'SGD', [2, 3234], [0, 0]), row('atome', 'MYR', [1, 4590], [0, 0]), row('atome', 'SGD', [1, 2000], [1, 500])];
    expect(grandTotals(totals)).toEqual([
      { currency: 'SGD', paid: { count: 3, minor: 5234 }, refunded: { count: 1, minor: 500 }, net: 4734 },
      { currency: 'MYR', paid: { count: 1, minor: 4590 }, refunded: { count: 0, minor: 0 }, net: 4590 },
    ]);
  });

  it('goes below zero when a day refunds more than it takes', () => {
    expect(grandTotals([row('atome', 'SGD', [0, 0], [1, 1505])])).toEqual([{ currency: 'SGD', paid: { count: 0, minor: 0 }, refunded: { count: 1, minor: 1505 }, net: -1505 }]);
  });

  it('is nothing for an empty day', () => {
    expect(grandTotals([])).toEqual([]);
    expect(isEmptyDay([])).toBe(true);
    expect(isEmptyDay([row('demo', 'SGD', [0, 0], [0, 0])])).toBe(false);
  });
});

describe('the questions before a day is closed', () => {
  it('names the last report and its time for an empty day', () => {
    expect(emptyDayQuestion([report(3, at(22, 18, 2)), report(2, at(21, 18, 0))], at(22, 19, 30), EN)).toBe(
      'No sales since the last report (Z 3 at 18:02). Close an empty day?',
    );
    expect(emptyDayQuestion([report(3, at(21, 18, 2))], at(22, 9, 0), EN)).toBe('No sales since the last report (Z 3 at 18:02 on 21/11/2026). Close an empty day?');
    expect(emptyDayQuestion([], at(22, 9, 0), EN)).toBe('No sales yet, and no day has been closed. Close an empty day?');
  });

  it('names the next report number and where the day began', () => {
    expect(nextReportNumber([report(3, at(21, 18, 2))])).toBe(4);
    expect(nextReportNumber([])).toBe(1);
    expect(closeDayQuestion([report(3, at(22, 8, 5))], at(22, 8, 5), at(22, 18, 0), EN)).toBe(
      'Close the day from 08:05 up to now as Z report no. 4, with the figures below? It is kept for good and printed, and the next sale starts a new day. This cannot be undone.',
    );
  });

  it('writes times on a 24-hour clock, with the date when not today', () => {
    expect(reportTimeText(at(22, 0, 7), at(22, 23, 59), EN)).toBe('00:07');
    expect(reportTimeText(at(2, 9, 30), at(22, 9, 30), EN)).toBe('09:30 on 02/11/2026');
  });

  it("asks in the cashier's language, with the time and the report's number where that language puts them", () => {
    const ms = CASHIER_WORDS.ms.endOfDay.closeWords;
    const zh = CASHIER_WORDS['zh-Hans'].endOfDay.closeWords;
    expect(emptyDayQuestion([report(3, at(21, 18, 2))], at(22, 9, 0), ms)).toBe(
      'Tiada jualan sejak laporan terakhir (Z 3, 18:02 pada 21/11/2026). Tutup hari tanpa jualan?',
    );
    expect(emptyDayQuestion([report(3, at(21, 18, 2))], at(22, 9, 0), zh)).toBe('自上一份报告（Z 3，21/11/2026 18:02）以来没有交易。确认在无交易的情况下日结？');
    expect(emptyDayQuestion([], at(22, 9, 0), zh)).toBe('尚无交易，也从未日结。确认在无交易的情况下日结？');
    expect(closeDayQuestion([report(3, at(22, 8, 5))], at(22, 8, 5), at(22, 18, 0), zh)).toMatch(/^将 08:05 至今的营业日结为第 4 号 Z 报告/);
  });
});
