import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/ipc/history';
import { auditText } from '../../renderer/cashier/history/history-timeline';

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

describe("a sale's audit in the cashier's words", () => {
  it('says what was refunded, by whom, and who approved', () => {
    expect(auditText(entry({}), 'en-SG')).toBe('Refund of SGD 12.00 made by Ali, approved by Mei');
  });

  it('names a manager who approved their own act once', () => {
    expect(auditText(entry({ operator: { id: 'mei', name: 'Mei' } }), 'en-SG')).toBe('Refund of SGD 12.00 made by Mei');
  });

  it('says nobody was signed in, in a one-person shop', () => {
    expect(auditText(entry({ operator: null, approvedBy: null }), 'en-SG')).toBe('Refund of SGD 12.00 made with nobody signed in');
  });

  it('leaves out an amount the entry does not hold in a readable form, rather than guessing', () => {
    expect(auditText(entry({ detail: { amountMinor: '12', currency: 'SGD' } }), 'en-SG')).toBe('Refund made by Ali, approved by Mei');
  });

  it('has words for every other act', () => {
    const words = (['close_day', 'settings', 'devices', 'staff', 'park', 'resolve', 'keep_late', 'returned'] as const).map((action) =>
      auditText(entry({ action, approvedBy: null }), 'en-SG'),
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
});
