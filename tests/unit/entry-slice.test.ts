import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { TerminalInfo } from '../../app/ipc/contract';
import { entryToMoney } from '../../app/money/keyed-entry';
import { toDecimalString } from '../../app/money/money';
import { DEMO_METHOD } from '../../app/providers/demo/demo-client';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { createEntrySlice } from '../../renderer/cashier/sale/entry-slice';
import { errorText, noticeText } from '../../renderer/cashier/sale/sale-words';
import { CASHIER_WORDS, type CashierWords } from '../../renderer/cashier/words/cashier-words';
import { saidFormat } from '../../renderer/cashier/shared/say';
import { methodLabel } from '../../renderer/cashier/shared/sale-choices';

const ATOME = opnMethodInfo(true);
/** A demo method that takes only what a small shop would: SGD and JPY. */
const DEMO = { ...DEMO_METHOD, currencies: ['SGD', 'JPY'] as const };

function terminalWith(entryMode: TerminalInfo['entryMode'] = 'cents'): TerminalInfo {
  return {
    merchantName: 'Kopi Corner',
    demo: true,
    locale: 'en-SG',
    defaultCurrency: 'SGD',
    methods: [ATOME, DEMO],
    language: DEFAULT_SETTINGS.language,
    sounds: DEFAULT_SETTINGS.sounds,
    entryMode,
  };
}

function store(terminal = terminalWith()) {
  const s = create(createEntrySlice);
  s.getState().adoptTerminal(terminal, false);
  return s;
}

const shown = (s: ReturnType<typeof store>): string => toDecimalString(entryToMoney(s.getState().entry));

/** The error line and the notice as the cashier reads them, in English unless told. */
function said(s: ReturnType<typeof store>, words: CashierWords = CASHIER_WORDS.en) {
  const { error, notice } = s.getState();
  return { error: error === null ? null : errorText(words, error, saidFormat(null, words.common)), notice: notice === null ? null : noticeText(words.sale, notice, (id) => methodLabel(terminalWith(), id, words.common)) };
}

describe('the entry slice', () => {
  it('starts in the terminal default currency with its first method, nothing noticed', () => {
    const s = store();
    expect(s.getState()).toMatchObject({ method: 'atome', notice: null, entry: { currency: 'SGD', mode: 'cents' } });
  });

  it('refuses a third decimal on the error line and keeps the amount', () => {
    const s = store();
    for (const k of ['1', '2', '.', '3', '4', '5'] as const) s.getState().press(k);
    expect(shown(s)).toBe('12.34');
    expect(said(s).error).toBe('SGD takes 2 decimal places');
    s.getState().press('backspace');
    expect(s.getState().error).toBeNull();
  });

  it('clears keyed digits on a currency change, with a notice, and never carries them over', () => {
    const s = store();
    for (const k of ['1', '2', '3', '4'] as const) s.getState().press(k);
    s.getState().chooseMethod('demo');
    s.getState().chooseCurrency(terminalWith(), 'JPY');
    expect(shown(s)).toBe('0');
    expect(s.getState().entry.currency).toBe('JPY');
    expect(said(s).notice).toBe('Amount cleared: the currency is now JPY. Key the amount again.');
    // The demo method takes JPY, so it stays.
    expect(s.getState().method).toBe('demo');
  });

  it('says nothing about the amount when none was keyed', () => {
    const s = store();
    s.getState().chooseMethod('demo');
    s.getState().chooseCurrency(terminalWith(), 'JPY');
    expect(s.getState().notice).toBeNull();
  });

  it('never swaps the method silently: one that does not take the currency is emptied, and the cashier asked', () => {
    const s = store();
    expect(s.getState().method).toBe('atome');
    s.getState().chooseCurrency(terminalWith(), 'JPY');
    expect(s.getState().method).toBeNull();
    expect(said(s).notice).toBe('Atome (simulated) does not take JPY: choose a method.');
    s.getState().chooseMethod('demo');
    expect(s.getState()).toMatchObject({ method: 'demo', notice: null });
  });

  it('keys in the mode the terminal sets, and a mode change clears what was keyed', () => {
    const s = store(terminalWith('decimal'));
    for (const k of ['1', '2'] as const) s.getState().press(k);
    expect(shown(s)).toBe('12.00');
    s.getState().adoptTerminal(terminalWith('cents'), true);
    expect(s.getState().entry).toMatchObject({ digits: '', mode: 'cents' });
  });

  it('a paste replaces the amount; a bad one is refused with the amount kept', () => {
    const s = store();
    s.getState().press('7');
    s.getState().paste('1e9');
    expect(shown(s)).toBe('0.07');
    expect(said(s).error).toBe('The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34');
    s.getState().paste('SGD 1,234.50');
    expect(shown(s)).toBe('1234.50');
    expect(s.getState().error).toBeNull();
  });

  it('says both changes in one line, and a method the terminal stopped offering', () => {
    const s = store();
    s.getState().press('5');
    s.getState().chooseCurrency(terminalWith(), 'JPY');
    expect(said(s).notice).toBe('Amount cleared: the currency is now JPY. Key the amount again. Atome (simulated) does not take JPY: choose a method.');
    const s2 = store();
    s2.getState().adoptTerminal({ ...terminalWith(), methods: [DEMO] }, true);
    expect(said(s2).notice).toBe('The method chosen is no longer offered: choose a method.');
  });

  it('says its refusals and notices in Malay and in Chinese', () => {
    const s = store();
    for (const k of ['1', '2', '.', '3', '4', '5'] as const) s.getState().press(k);
    expect(said(s, CASHIER_WORDS.ms).error).toBe('SGD hanya ada 2 tempat perpuluhan');
    expect(said(s, CASHIER_WORDS['zh-Hans']).error).toBe('SGD 最多只能输入 2 位小数');
    s.getState().chooseCurrency(terminalWith(), 'JPY');
    expect(said(s, CASHIER_WORDS.ms).notice).toBe(
      'Amaun dikosongkan: mata wang kini JPY. Masukkan amaun semula. Atome (simulasi) tidak menerima JPY: pilih kaedah bayaran.',
    );
    expect(said(s, CASHIER_WORDS['zh-Hans']).notice).toBe('金额已清除：币种已改为 JPY。请重新输入金额。Atome（模拟） 不支持 JPY：请选择付款方式。');
    s.getState().paste('MYR 5');
    expect(said(s, CASHIER_WORDS.ms).error).toBe('Amaun yang ditampal dalam MYR, tetapi jualan ini dalam JPY');
    expect(said(s, CASHIER_WORDS['zh-Hans']).error).toBe('粘贴的金额是 MYR，但本笔交易使用 JPY');
  });

  it('shows the terminal\'s own sentence as it came, whatever the language', () => {
    const s = store();
    s.getState().setError({ message: 'Atome rejected the request: amount too small' });
    expect(said(s, CASHIER_WORDS.ms).error).toBe('Atome rejected the request: amount too small');
  });
});
