import { describe, expect, it } from 'vitest';
import { emptyFilter, filterArgs } from '../../renderer/cashier/history/history-filter';

const form = { ...emptyFilter('SGD', 'en-SG') };

describe("the History panel's filter", () => {
  it('sends nothing for an empty form: every payment', () => {
    expect(filterArgs(form)).toEqual({ ok: true, value: {} });
  });

  it('turns the dates into the shop day, "to" inclusive, and the amounts into exact minor units', () => {
    expect(filterArgs({ ...form, from: '01/12/2026', to: '1/12/2026', status: 'paid', method: 'atome', min: '0', max: '20.5' })).toEqual({
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
    expect(filterArgs({ ...form, search: '  INV-1001 ' })).toEqual({ ok: true, value: { search: 'INV-1001' } });
    expect(filterArgs({ ...form, search: '   ' })).toEqual({ ok: true, value: {} });
    expect(filterArgs({ ...form, search: '50%_OFF' })).toEqual({ ok: true, value: { search: '50%_OFF' } });
  });

  it("reads dates in the shop's own order: day first in Singapore, year first in Chinese, month first in the US", () => {
    const day = { ok: true, value: { from: new Date(2026, 11, 1).getTime() } };
    expect(filterArgs({ ...form, from: '01/12/2026' })).toEqual(day);
    expect(filterArgs({ ...form, locale: 'ms-MY', from: '1.12.2026' })).toEqual(day);
    expect(filterArgs({ ...form, locale: 'zh-SG', from: '2026年12月1日' })).toEqual(day);
    expect(filterArgs({ ...form, locale: 'zh-SG', from: '2026/12/01' })).toEqual(day);
    expect(filterArgs({ ...form, locale: 'en-US', from: '12/01/2026' })).toEqual(day);
    expect(filterArgs({ ...form, locale: 'zh-SG', from: '01/12/2026' })).toEqual({ ok: false, error: 'Enter dates as yyyy年mm月dd日, e.g. 2026年12月31日' });
  });

  it('says what to fix', () => {
    expect(filterArgs({ ...form, from: '02/12/2026', to: '01/12/2026' })).toEqual({ ok: false, error: 'The "to" date is before the "from" date' });
    expect(filterArgs({ ...form, from: '31/02/2026' })).toEqual({ ok: false, error: 'Enter dates as dd/mm/yyyy, e.g. 31/12/2026' });
    expect(filterArgs({ ...form, from: '2026-12-01' })).toEqual({ ok: false, error: 'Enter dates as dd/mm/yyyy, e.g. 31/12/2026' });
    expect(filterArgs({ ...form, search: 'x'.repeat(10_240) })).toEqual({ ok: false, error: 'An order number or reference has at most 64 characters; this one has 10240' });
    expect(filterArgs({ ...form, min: '12.345' })).toEqual({ ok: false, error: 'Lowest amount: SGD has 2 decimal places, "12.345" has 3' });
    expect(filterArgs({ ...form, min: '10', max: '5' })).toEqual({ ok: false, error: 'The highest amount is below the lowest' });
    expect(filterArgs({ ...form, max: 'ten' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Highest amount: "ten" is not an amount/) as unknown });
  });
});
