import { describe, expect, it } from 'vitest';
import { emptyFilter, filterArgs } from '../../renderer/cashier/history/history-filter';

const form = { ...emptyFilter('SGD') };

describe("the History panel's filter", () => {
  it('sends nothing for an empty form: every payment', () => {
    expect(filterArgs(form)).toEqual({ ok: true, value: {} });
  });

  it('turns the dates into the shop day, "to" inclusive, and the amounts into exact minor units', () => {
    expect(filterArgs({ ...form, from: '2026-12-01', to: '2026-12-01', status: 'paid', method: 'atome', min: '0', max: '20.5' })).toEqual({
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

  it('says what to fix', () => {
    expect(filterArgs({ ...form, from: '2026-12-02', to: '2026-12-01' })).toEqual({ ok: false, error: 'The "to" date is before the "from" date' });
    expect(filterArgs({ ...form, min: '12.345' })).toEqual({ ok: false, error: 'Lowest amount: SGD has 2 decimal places, "12.345" has 3' });
    expect(filterArgs({ ...form, min: '10', max: '5' })).toEqual({ ok: false, error: 'The highest amount is below the lowest' });
    expect(filterArgs({ ...form, max: 'ten' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Highest amount: "ten" is not an amount/) as unknown });
  });
});
