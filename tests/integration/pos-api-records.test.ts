import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import type { ClosedDay, CsvFile, DayPeriod, PaymentPage } from '../../app/ipc/history';
import { startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * A till's sale lands where a cashier's does: in the journal with the till as its operator, so
 * history lists it, and the end-of-day figures (screen and printed Z report) count it under the
 * till's name beside the sales keyed at the counter.
 */

let t: PosTerminal;
let till: string;
const SGD = (minor: number) => ({ minor, currency: 'SGD' as const });

const ok = <T>(answer: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
};
const status = async (id: string): Promise<string> => ((await (await t.call('GET', `/v1/checkouts/${id}`, { key: till })).json()) as Checkout).status;

beforeAll(async () => {
  t = await startPosTerminal({ payment: { pollIntervalMs: 250 } });
  till = (await t.key('Till 2', ['charge'])).key;
});
afterAll(() => t.close());

describe("a till's sale in the records", () => {
  it('is in history and the end of day under the till, apart from a sale keyed at the counter', async () => {
    const created = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'rec-1', body: { amount: SGD(1234), method: 'demo', reference: 'TABLE-9' } })).json()) as Checkout;
    const posPayment = created.provider.paymentId ?? '';
    await t.simulate(posPayment, 'paid');
    await expect.poll(() => status(created.id)).toBe('paid');
    // Wait for the counter to free before keying the next sale, as a cashier would.
    await t.service.dispatch('dismiss', { paymentId: posPayment }, 'cashier');

    const keyed = ok<{ id: string }>(await t.service.dispatch('charge', { amount: SGD(500), method: 'demo' }, 'cashier'));
    await t.simulate(keyed.id, 'paid');
    await expect.poll(async () => ok<PaymentPage>(await t.service.dispatch('listPayments', { status: ['paid'] }, 'cashier')).total).toBe(2);

    const page = ok<PaymentPage>(await t.service.dispatch('listPayments', {}, 'cashier'));
    const byId = new Map(page.payments.map((p) => [p.id, p]));
    expect(byId.get(posPayment)).toMatchObject({ orderRef: 'TABLE-9', operator: { name: 'Till 2' } });
    expect(byId.get(keyed.id)?.operator).toBeUndefined();

    const day = ok<DayPeriod>(await t.service.dispatch('endOfDay', {}, 'cashier'));
    const lines = (day.operators ?? []).map((line) => [line.operator?.name ?? null, line.currency, line.paid.count, line.paid.minor]);
    expect(lines).toEqual([
      ['Till 2', 'SGD', 1, 1234],
      [null, 'SGD', 1, 500],
    ]);

    // The closed day (the Z report, as printed and exported) names the till as it would a cashier.
    const closed = ok<ClosedDay>(await t.service.dispatch('closeDay', {}, 'cashier'));
    const csv = ok<CsvFile>(await t.service.dispatch('exportDayReportCsv', { number: closed.report.number }, 'cashier'));
    expect(csv.csv.split('\n').filter((line) => line.includes('Till 2'))).toHaveLength(1);
  });
});
