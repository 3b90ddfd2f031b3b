import { describe, expect, it } from 'vitest';
import { formatShopDate, formatShopDateTime, parseShopDate, shopDateHint } from '../../renderer/cashier/history/shop-dates';

const at = new Date(2026, 11, 7, 14, 5, 9).getTime();

describe("History's dates in the shop's locale", () => {
  it('writes the list, the detail and the filter hint in one format per locale', () => {
    expect(formatShopDate(at, 'en-SG')).toBe('07/12/2026');
    expect(shopDateHint('en-SG')).toBe('dd/mm/yyyy');
    expect(formatShopDate(at, 'en-US')).toBe('12/07/2026');
    expect(shopDateHint('en-US')).toBe('mm/dd/yyyy');
    expect(formatShopDate(at, 'zh-SG')).toBe('2026年12月07日');
    expect(shopDateHint('zh-SG')).toBe('yyyy年mm月dd日');
    // The list's date and time start with exactly what the filter takes.
    for (const locale of ['en-SG', 'ms-MY', 'zh-SG', 'en-US']) {
      expect(formatShopDateTime(at, locale).startsWith(formatShopDate(at, locale))).toBe(true);
      expect(parseShopDate(formatShopDate(at, locale), locale)).toEqual({ year: 2026, month: 12, day: 7 });
    }
  });

  it('refuses what is not a real date in that order', () => {
    for (const text of ['31/02/2026', '2026-12-07', '7/12/26', '07/12', '', '//', '7/12/2026/1', '１２/１２/２０２６']) {
      expect(parseShopDate(text, 'en-SG')).toBeNull();
    }
    expect(parseShopDate('x'.repeat(10_240), 'en-SG')).toBeNull();
  });

  it('falls back to a date rather than a blank for a locale the system does not know', () => {
    expect(formatShopDate(at, 'not a locale')).toBe('07/12/2026');
  });
});
