import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../app/money/money';
import { emptyFilter, filterArgs, type HistoryFilterForm } from '../../renderer/cashier/history/history-filter';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

const form = { ...emptyFilter('SGD', 'en-SG') };
const args = (typed: HistoryFilterForm) => filterArgs(typed, CASHIER_WORDS.en.history.problems);

describe("the History panel's filter", () => {
  it('sends nothing for an empty form: every payment', () => {
    expect(args(form)).toEqual({ ok: true, value: {} });
  });

  it('turns the dates into the shop day, "to" inclusive, and the amounts into exact minor units', () => {
    expect(args({ ...form, from: '01/12/2026', to: '1/12/2026', status: 'paid', method: 'atome', min: '0', max: '20.5' })).toEqual({
      ok: true,
      value: {
        from: new Date(2026, 11, 1).getTime(),
        to: new Date(2026, 11, 2).getTime(),
        status: ['paid'],
        method: ['atome'],
        min: { minor: 0, currency: 'SGD' },
        max: { minor: 2050, currency: 'SGD' },
      },
    });
  });

  it('sends the search text trimmed, and nothing for an empty one', () => {
    expect(args({ ...form, search: '  INV-1001 ' })).toEqual({ ok: true, value: { search: 'INV-1001' } });
    expect(args({ ...form, search: '   ' })).toEqual({ ok: true, value: {} });
    expect(args({ ...form, search: '50%_OFF' })).toEqual({ ok: true, value: { search: '50%_OFF' } });
  });

  it("reads dates in the shop's own order: day first in Singapore, year first in Chinese, month first in the US", () => {
    const day = { ok: true, value: { from: new Date(2026, 11, 1).getTime() } };
    expect(args({ ...form, from: '01/12/2026' })).toEqual(day);
    expect(args({ ...form, locale: 'ms-MY', from: '1.12.2026' })).toEqual(day);
    expect(args({ ...form, locale: 'zh-SG', from: '2026年12月1日' })).toEqual(day);
    expect(args({ ...form, locale: 'zh-SG', from: '2026/12/01' })).toEqual(day);
    expect(args({ ...form, locale: 'en-US', from: '12/01/2026' })).toEqual(day);
    expect(args({ ...form, locale: 'zh-SG', from: '01/12/2026' })).toEqual({ ok: false, error: 'Enter dates as yyyy年mm月dd日, e.g. 2026年12月31日' });
  });

  it('says what to fix', () => {
    expect(args({ ...form, from: '02/12/2026', to: '01/12/2026' })).toEqual({ ok: false, error: 'The "to" date is before the "from" date' });
    expect(args({ ...form, from: '31/02/2026' })).toEqual({ ok: false, error: 'Enter dates as dd/mm/yyyy, e.g. 31/12/2026' });
    expect(args({ ...form, from: '2026-12-01' })).toEqual({ ok: false, error: 'Enter dates as dd/mm/yyyy, e.g. 31/12/2026' });
    expect(args({ ...form, search: 'x'.repeat(10_240) })).toEqual({ ok: false, error: 'An order number or reference has at most 64 characters; this one has 10240' });
    expect(args({ ...form, min: '12.345' })).toEqual({ ok: false, error: 'Lowest amount: SGD has 2 decimal places, "12.345" has 3' });
    expect(args({ ...form, min: '10', max: '5' })).toEqual({ ok: false, error: 'The highest amount is below the lowest' });
    expect(args({ ...form, max: 'ten' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Highest amount: "ten" is not an amount/) as unknown });
  });

  it("says what to fix in the cashier's language, with the shop's date format and the amount as typed", () => {
    const ms = CASHIER_WORDS.ms.history.problems;
    const zh = CASHIER_WORDS['zh-Hans'].history.problems;
    expect(filterArgs({ ...form, from: '31/02/2026' }, ms)).toEqual({ ok: false, error: 'Masukkan tarikh dalam format dd/mm/yyyy, cth. 31/12/2026' });
    expect(filterArgs({ ...form, from: '02/12/2026', to: '01/12/2026' }, zh)).toEqual({ ok: false, error: '结束日期早于开始日期' });
    expect(filterArgs({ ...form, min: '12.345' }, ms)).toEqual({ ok: false, error: 'Jumlah terendah: SGD mempunyai 2 tempat perpuluhan, "12.345" mempunyai 3' });
    expect(filterArgs({ ...form, max: 'ten' }, zh)).toEqual({ ok: false, error: '最高金额：“ten”不是有效金额：请输入数字，可带小数点，例如 12.34' });
    expect(filterArgs({ ...form, currency: 'JPY', min: '1.5' }, zh)).toEqual({ ok: false, error: '最低金额：JPY 没有小数单位：请输入整数金额' });
    expect(filterArgs({ ...form, min: '-1' }, ms)).toEqual({ ok: false, error: 'Jumlah terendah: Jumlah tidak boleh negatif' });
  });

  it('says an amount problem in English exactly as the money check writes it', () => {
    for (const [currency, typed] of [['SGD', '-1'], ['SGD', '12.345'], ['JPY', '1.5'], ['SGD', 'ten'], ['SGD', '9'.repeat(20)]] as const) {
      const check = parseDecimal(typed, currency);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(args({ ...form, currency, min: typed })).toEqual({ ok: false, error: `Lowest amount: ${check.error.message}` });
    }
  });
});
