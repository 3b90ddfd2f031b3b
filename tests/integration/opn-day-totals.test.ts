/** End of day with the Opn QR methods beside Atome: totals per method and currency, THB included, in table order. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../app/money/currency';
import type { MethodId } from '../../app/payment/method';
import type { Payment, PaymentState } from '../../app/payment/payment';
import type { Journal } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;
let dir: string;
let journal: Journal;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opn-day-'));
  clock = T0;
  journal = openJournal(join(dir, 'journal.sqlite3'), { now: () => clock });
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

function save(id: string, method: MethodId, minor: number, currency: CurrencyCode, state: PaymentState, refundedMinor = 0): void {
  const p: Payment = aPayment({ id, amount: { minor, currency }, method, providerRef: `chrg_${id}`, qr: { payload: id }, createdAt: clock, updatedAt: clock, state, refundedMinor });
  journal.save(p);
  clock += 1;
}

describe('the end-of-day totals with every Opn method', () => {
  it('add up per method and currency, and a PromptPay payment Opn said cannot be refunded reads back as it was', () => {
    const paid: PaymentState = { status: 'paid', paidAt: T0 };
    save('pp1', 'promptpay', 15_000_000, 'THB', { status: 'paid', paidAt: T0, refundable: false });
    save('pp2', 'promptpay', 2050, 'THB', { status: 'failed', failure: { code: 'insufficient_balance', message: 'no money' } });
    save('pn1', 'paynow', 1234, 'SGD', paid);
    save('pn2', 'paynow', 1000, 'SGD', { status: 'refunded' }, 1000);
    save('ap1', 'alipayplus', 990, 'SGD', paid);
    save('ap2', 'alipayplus', 25_000, 'THB', { status: 'expired' });
    save('wc1', 'wechatpay', 8800, 'THB', { status: 'cancelled' });
    save('tm1', 'truemoney', 5000, 'THB', paid);
    save('at1', 'atome', 1500, 'SGD', paid);
    const zero = { count: 0, minor: 0 };
    expect(journal.dayReports.totals(T0, clock)).toEqual([
      { method: 'atome', currency: 'SGD', paid: { count: 1, minor: 1500 }, refunded: zero, net: 1500, failed: 0, expired: 0, cancelled: 0 },
      { method: 'paynow', currency: 'SGD', paid: { count: 2, minor: 2234 }, refunded: { count: 1, minor: 1000 }, net: 1234, failed: 0, expired: 0, cancelled: 0 },
      { method: 'promptpay', currency: 'THB', paid: { count: 1, minor: 15_000_000 }, refunded: zero, net: 15_000_000, failed: 1, expired: 0, cancelled: 0 },
      { method: 'truemoney', currency: 'THB', paid: { count: 1, minor: 5000 }, refunded: zero, net: 5000, failed: 0, expired: 0, cancelled: 0 },
      { method: 'wechatpay', currency: 'THB', paid: zero, refunded: zero, net: 0, failed: 0, expired: 0, cancelled: 1 },
      { method: 'alipayplus', currency: 'SGD', paid: { count: 1, minor: 990 }, refunded: zero, net: 990, failed: 0, expired: 0, cancelled: 0 },
      { method: 'alipayplus', currency: 'THB', paid: zero, refunded: zero, net: 0, failed: 0, expired: 1, cancelled: 0 },
    ]);
    expect(journal.get('pp1')?.state).toEqual({ status: 'paid', paidAt: T0, refundable: false });
  });
});
