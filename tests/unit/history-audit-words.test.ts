import { describe, expect, it } from 'vitest';
import type { AuditEntry, TimelineEntry } from '../../app/ipc/history';
import type { PaymentState } from '../../app/payment/payment';
import { historyStatusWords } from '../../renderer/cashier/history/history-status';
import { auditText, stateWords, statusWords, timelineText } from '../../renderer/cashier/history/history-timeline';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment } from '../support/payment-fixture';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: 0,
  action: 'refund',
  paymentId: 'T1',
  operator: { id: 'ali', name: 'Ali' },
  approvedBy: { id: 'mei', name: 'Mei' },
  detail: { amountMinor: 1200, currency: 'SGD', refundId: 'rfnd_1' },
  ...patch,
});

const say = (e: AuditEntry): string => auditText(e, 'en-SG', CASHIER_WORDS.en.history);

describe("a sale's audit in the cashier's words", () => {
  it('says what was refunded, by whom, and who approved', () => {
    expect(say(entry({}))).toBe('Refund of SGD 12.00 made by Ali, approved by Mei');
  });

  it('names a manager who approved their own act once', () => {
    expect(say(entry({ operator: { id: 'mei', name: 'Mei' } }))).toBe('Refund of SGD 12.00 made by Mei');
  });

  it('says nobody was signed in, in a one-person shop', () => {
    expect(say(entry({ operator: null, approvedBy: null }))).toBe('Refund of SGD 12.00 made with nobody signed in');
  });

  it('leaves out an amount the entry does not hold in a readable form, rather than guessing', () => {
    expect(say(entry({ detail: { amountMinor: '12', currency: 'SGD' } }))).toBe('Refund made by Ali, approved by Mei');
  });

  it('has words for every other act', () => {
    const words = (['close_day', 'settings', 'devices', 'staff', 'park', 'resolve', 'keep_late', 'returned'] as const).map((action) =>
      say(entry({ action, approvedBy: null })),
    );
    expect(words).toEqual([
      'Day closed by Ali',
      'Settings changed by Ali',
      'Device settings changed by Ali',
      'Staff list changed by Ali',
      'Set aside by Ali',
      'Marked resolved by Ali',
      'Late payment kept by Ali',
      'Money marked as returned by Ali',
    ]);
  });

  it("is said in the cashier's language, with who did it and who approved in that language's order", () => {
    expect(auditText(entry({}), 'en-SG', CASHIER_WORDS.ms.history)).toBe('Bayaran balik SGD 12.00 dibuat oleh Ali, diluluskan oleh Mei');
    expect(auditText(entry({}), 'en-SG', CASHIER_WORDS['zh-Hans'].history)).toBe('退款 SGD 12.00（Ali 操作，Mei 批准）');
    expect(auditText(entry({ action: 'close_day', operator: null, approvedBy: null }), 'en-SG', CASHIER_WORDS.ms.history)).toBe('Hari ditutup tanpa sesiapa log masuk');
    expect(auditText(entry({ action: 'close_day', operator: null, approvedBy: null }), 'en-SG', CASHIER_WORDS['zh-Hans'].history)).toBe('已日结（无人登录）');
    expect(auditText(entry({ detail: { toReturnMinor: 500, currency: 'SGD' }, approvedBy: null }), 'en-SG', CASHIER_WORDS.ms.history)).toBe(
      'Bayaran lewat tidak disimpan: SGD 5.00 perlu dipulangkan, diputuskan oleh Ali',
    );
  });
});

describe("a payment's status and log lines in the cashier's words", () => {
  const en = CASHIER_WORDS.en.history;
  const ms = CASHIER_WORDS.ms.history;
  const zh = CASHIER_WORDS['zh-Hans'].history;
  const amount = { minor: 2000, currency: 'SGD' } as const;
  const of = (state: PaymentState) => ({ amount, state });
  const line = (summary: Record<string, unknown>, kind = 'status'): TimelineEntry => ({ seq: 1, at: 0, kind, summary });

  it('names a status, with what a list must not hide', () => {
    expect(statusWords('expired', en)).toBe('Expired');
    expect(statusWords('expired', ms)).toBe('Tamat tempoh');
    expect(statusWords('expired', zh)).toBe('已过期');
    const late: PaymentState = { status: 'paid', paidAt: 0, overpaid: true, late: true };
    expect(stateWords(of(late), 'en-SG', en)).toBe('Paid — overpaid — late, keep or refund');
    expect(stateWords(of(late), 'en-SG', ms)).toBe('Telah dibayar — terlebih bayar — lewat, simpan atau bayar balik');
    expect(stateWords(of(late), 'en-SG', zh)).toBe('已付款 — 多付 — 逾期付款，保留或退款');
    expect(stateWords(of({ status: 'partially_paid', received: null }), 'en-SG', zh)).toBe('已部分付款（金额未报告）');
  });

  it('says a cancel with money received as the engine does in English, and in the cashier\u2019s language', () => {
    const kept: PaymentState = { status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' } };
    expect(stateWords(of(kept), 'en-SG', en)).toBe('Cancelled — SGD 10.00 received, to be returned');
    expect(stateWords(of(kept), 'en-SG', ms)).toBe('Dibatalkan — SGD 10.00 diterima, perlu dipulangkan');
    expect(stateWords(of(kept), 'en-SG', zh)).toBe('已取消 — 已收到 SGD 10.00，待退还');
  });

  it('writes log lines, leaving the provider\u2019s own sentence as it is', () => {
    const failed = line({ to: 'failed', failure: { message: 'Card declined' } });
    expect(timelineText(failed, 'en-SG', en)).toBe('Failed: Card declined');
    expect(timelineText(failed, 'en-SG', zh)).toBe('付款失败：Card declined');
    expect(timelineText(line({ amountMinor: 500, currency: 'SGD' }, 'refund'), 'en-SG', en)).toBe('Refunded SGD 5.00');
    expect(timelineText(line({ amountMinor: 500, currency: 'SGD' }, 'refund'), 'en-SG', ms)).toBe('Dibayar balik SGD 5.00');
    expect(timelineText(line({}, 'refund'), 'en-SG', zh)).toBe('已退款');
  });

  it('lists a sale with part given back as paid and partly refunded, in each language', () => {
    const paid: PaymentState = { status: 'paid', paidAt: 0 };
    const part = aPayment({ amount, state: paid, refundedMinor: 500 });
    expect(historyStatusWords(part, CASHIER_WORDS.en)).toBe('Paid, partly refunded');
    expect(historyStatusWords(part, CASHIER_WORDS.ms)).toBe('Telah dibayar, dibayar balik sebahagian');
    expect(historyStatusWords(part, CASHIER_WORDS['zh-Hans'])).toBe('已付款，部分退款');
    expect(historyStatusWords(aPayment({ amount, state: paid }), CASHIER_WORDS['zh-Hans'])).toBe('已付款');
    expect(historyStatusWords(aPayment({ amount, state: { status: 'refunded' }, refundedMinor: 2000 }), CASHIER_WORDS.ms)).toBe('Dibayar balik sepenuhnya');
  });
});

describe('pairing a customer display, in the audit', () => {
  it('names the display and who paired or unpaired it, in each language', () => {
    const paired = entry({ action: 'pair_display', paymentId: null, detail: { id: 'd1', name: 'Counter tablet' } });
    expect(say(paired)).toBe('Customer display “Counter tablet” paired by Ali, approved by Mei');
    expect(say(entry({ ...paired, action: 'unpair_display' }))).toBe('Customer display “Counter tablet” unpaired by Ali, approved by Mei');
    expect(auditText(paired, 'en-SG', CASHIER_WORDS.ms.history)).toContain('Paparan pelanggan “Counter tablet” dipasangkan');
    expect(auditText(paired, 'en-SG', CASHIER_WORDS['zh-Hans'].history)).toContain('顾客显示屏“Counter tablet”已配对');
  });
});

describe('a POS key made or revoked, in the audit', () => {
  it('names the till and who made or revoked its key, in each language', () => {
    const made = entry({ action: 'pos_key_made', paymentId: null, detail: { id: 'pc_1', name: 'Till 2', scopes: ['charge'] } });
    expect(say(made)).toBe('POS key for “Till 2” made by Ali, approved by Mei');
    expect(say(entry({ ...made, action: 'pos_key_revoked' }))).toBe('POS key for “Till 2” revoked by Ali, approved by Mei');
    expect(auditText(made, 'en-SG', CASHIER_WORDS.ms.history)).toContain('Kunci POS untuk “Till 2” dibuat');
    expect(auditText(made, 'en-SG', CASHIER_WORDS['zh-Hans'].history)).toContain('已为“Till 2”创建 POS 密钥');
  });
});
