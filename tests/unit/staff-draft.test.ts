import { describe, expect, it } from 'vitest';
import type { StaffView } from '../../app/ipc/staff-schemas';
import { toDecimalString } from '../../app/money/money';
import { draftOf, idFromName, newMember, placeProblems, toSaveArgs, type DraftMember, type StaffDraft } from '../../renderer/cashier/staff/staff-draft';
import { operatorLabel, refundRuleWords, savedWords, staffSummary } from '../../renderer/cashier/staff/staff-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/*
 * The Staff panel's own rules, before main sees the list: a new PIN typed twice, an id for each new
 * person, the refund amount typed as money in the shop's currency; and main's answers placed at the
 * field they are about.
 */

const en = CASHIER_WORDS.en.staff;
const ms = CASHIER_WORDS.ms.staff;
const zh = CASHIER_WORDS['zh-Hans'].staff;
const sgd = (minor: number): string => toDecimalString({ minor, currency: 'SGD' });
const view: StaffView = {
  members: [
    { id: 'mei', name: 'Mei', role: 'manager' },
    { id: 'ali', name: 'Ali', role: 'cashier' },
  ],
  protected: true,
  refundApproval: { mode: 'over', thresholdMinor: 1000 },
  signedIn: null,
  warning: null,
};
const person = (patch: Partial<DraftMember>): DraftMember => ({ key: 'k', id: null, name: 'Siti', role: 'cashier', pin: '', pinAgain: '', ...patch });
const draft = (patch: Partial<StaffDraft>): StaffDraft => ({ ...draftOf(view, sgd), ...patch });

describe('the staff draft', () => {
  it('starts from main’s list with no PIN typed, and the refund amount as money', () => {
    expect(draftOf(view, sgd)).toEqual({
      members: [
        { key: 'mei', id: 'mei', name: 'Mei', role: 'manager', pin: '', pinAgain: '' },
        { key: 'ali', id: 'ali', name: 'Ali', role: 'cashier', pin: '', pinAgain: '' },
      ],
      rule: 'over',
      threshold: '10.00',
    });
  });

  it('offers a manager first, while no manager is listed', () => {
    const empty: StaffDraft = { members: [], rule: 'all', threshold: '' };
    expect(newMember(empty, 'new-1').role).toBe('manager');
    expect(newMember(draftOf(view, sgd), 'new-2').role).toBe('cashier');
  });

  it('makes a short id from a new name, never one already taken', () => {
    expect(idFromName('Mei Ling', new Set())).toBe('mei-ling');
    expect(idFromName('  Zoë  ', new Set())).toBe('zoe');
    expect(idFromName('Ali', new Set(['ali', 'ali-2']))).toBe('ali-3');
    expect(idFromName('陈伟', new Set())).toBe('staff');
    expect(idFromName('An extremely long name for a person', new Set())).toBe('an-extremely-long-name-f');
    expect(idFromName('An extremely long name for a person', new Set())).toMatch(/^[a-z0-9][a-z0-9_-]{0,31}$/);
  });

  it('sends a PIN only when one was typed, twice alike, and keeps the ids main knows', () => {
    const args = toSaveArgs(draft({ members: [...draftOf(view, sgd).members, person({ name: 'Ali', pin: '4321', pinAgain: '4321' })] }), 'SGD', en);
    expect(args).toEqual({
      ok: true,
      value: {
        members: [
          { id: 'mei', name: 'Mei', role: 'manager' },
          { id: 'ali', name: 'Ali', role: 'cashier' },
          { id: 'ali-2', name: 'Ali', role: 'cashier', pin: '4321' },
        ],
        refundApproval: { mode: 'over', thresholdMinor: 1000 },
      },
    });
  });

  it('refuses two PINs that differ, at the second', () => {
    expect(toSaveArgs(draft({ members: [person({ pin: '1357', pinAgain: '1358' })] }), 'SGD', en)).toEqual({
      ok: false,
      error: { 'members.0.pinAgain': 'must be the same PIN as above' },
    });
    expect(toSaveArgs(draft({ members: [person({ pin: '1357', pinAgain: '1358' })] }), 'SGD', ms)).toEqual({
      ok: false,
      error: { 'members.0.pinAgain': 'mesti PIN yang sama seperti di atas' },
    });
  });

  it('reads the refund amount in the shop’s currency, and says what to type when it is not one', () => {
    const rule = (threshold: string, currency: 'SGD' | 'JPY' = 'SGD', words = en) => {
      const args = toSaveArgs(draft({ rule: 'over', threshold }), currency, words);
      return args.ok ? args.value.refundApproval : args.error;
    };
    expect(rule('12.5')).toEqual({ mode: 'over', thresholdMinor: 1250 });
    expect(rule('0')).toEqual({ mode: 'over', thresholdMinor: 0 });
    expect(rule('500', 'JPY')).toEqual({ mode: 'over', thresholdMinor: 500 });
    expect(rule('')).toEqual({ threshold: 'must be an amount in SGD, e.g. 50.00' });
    expect(rule('ten')).toEqual({ threshold: '"ten" is not an amount: use digits with an optional decimal point, e.g. 12.34' });
    expect(rule('1.234')).toEqual({ threshold: 'SGD has 2 decimal places, "1.234" has 3' });
    // In Malay and Chinese the money parser's English sentence gives way to the shared words, with what to type.
    expect(rule('', 'SGD', ms)).toEqual({ threshold: 'mesti jumlah dalam SGD, cth. 50.00' });
    expect(rule('ten', 'SGD', ms)).toEqual({ threshold: '"ten" bukan jumlah: gunakan digit, dengan titik perpuluhan jika perlu, cth. 12.34 (jumlah dalam SGD, cth. 50.00)' });
    expect(rule('1.234', 'SGD', zh)).toEqual({ threshold: 'SGD 只有 2 位小数，“1.234”有 3 位（须为 SGD 金额，例如 50.00）' });
    expect(rule('-1', 'JPY', zh)).toEqual({ threshold: '金额不能为负数（须为 JPY 金额，例如 50.00）' });
    const all = toSaveArgs(draft({ rule: 'all', threshold: 'anything' }), 'SGD', en);
    expect(all.ok && all.value.refundApproval).toEqual({ mode: 'all' });
  });

  it('places main’s problems at their field, whichever way main names the row', () => {
    const sent = { members: [{ id: 'mei', name: 'Mei', role: 'cashier' as const }, { id: 'siti', name: '', role: 'cashier' as const }], refundApproval: { mode: 'all' as const } };
    expect(
      placeProblems(
        {
          staff: 'must list at least one manager: without one, nobody could refund, close the day or change settings',
          'members.1.name': 'must not be empty',
          'staff.1.pin': 'is needed for someone new',
          'staff.siti.id': 'is used twice: siti',
          'refundApproval.thresholdMinor': 'must be a whole number of minor units',
          somewhere: 'else',
        },
        sent,
      ),
    ).toEqual({
      placed: {
        'members.0.role': 'must list at least one manager: without one, nobody could refund, close the day or change settings',
        'members.1.name': 'is used twice: siti',
        'members.1.pin': 'is needed for someone new',
        threshold: 'must be a whole number of minor units',
      },
      rest: ['somewhere else'],
    });
  });
});

describe('the staff in words', () => {
  it('names who is listed and the refund rule in the shop’s currency', () => {
    expect(staffSummary(view, 'SGD', 'en-SG', en)).toBe(
      "Listed: Mei (manager), Ali (cashier). Refunds over SGD 10.00 need a manager's PIN; closing the day, settings and devices need a manager.",
    );
    expect(staffSummary({ ...view, members: [] }, 'SGD', 'en-SG', en)).toBe('Nobody is listed: no PIN is asked at this counter.');
    expect(refundRuleWords({ mode: 'all' }, 'SGD', 'en-SG', en)).toBe("Every refund needs a manager's PIN");
    expect(refundRuleWords({ mode: 'none' }, 'SGD', 'en-SG', en)).toBe("No refund needs a manager's PIN");
    expect(savedWords(view, 'SGD', 'en-SG', en)).toBe("Saved: Mei (manager), Ali (cashier). Refunds over SGD 10.00 need a manager's PIN.");
    expect(savedWords({ ...view, members: [] }, 'SGD', 'en-SG', en)).toBe('Saved: nobody is listed, so this counter asks no PIN (a one-person shop).');
    expect(operatorLabel({ name: 'Ali', role: 'cashier' }, en)).toBe('Ali (cashier)');
  });

  it('says the same in Malay and in Chinese, amounts still in the shop’s format', () => {
    expect(staffSummary(view, 'SGD', 'en-SG', ms)).toBe(
      'Disenaraikan: Mei (pengurus), Ali (juruwang). Bayaran balik melebihi SGD 10.00 memerlukan PIN pengurus; tutup hari, tetapan dan peranti memerlukan pengurus.',
    );
    expect(staffSummary(view, 'SGD', 'en-SG', zh)).toBe('已设置：Mei（经理）、Ali（收银员）。超过 SGD 10.00 的退款需要经理 PIN；日结、设置和设备需要经理。');
    expect(refundRuleWords({ mode: 'all' }, 'SGD', 'en-SG', zh)).toBe('每笔退款都需要经理 PIN');
    expect(savedWords({ ...view, members: [] }, 'SGD', 'en-SG', ms)).toBe('Disimpan: tiada sesiapa disenaraikan, jadi kaunter ini tidak meminta PIN (kedai seorang).');
    expect(operatorLabel({ name: 'Ali', role: 'cashier' }, ms)).toBe('Ali (juruwang)');
    expect(operatorLabel({ name: 'Mei', role: 'manager' }, zh)).toBe('Mei（经理）');
  });
});
