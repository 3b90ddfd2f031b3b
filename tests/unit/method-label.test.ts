import { describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../app/ipc/contract';
import { METHOD_IDS } from '../../app/payment/method';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { orangepillMethodInfo } from '../../app/providers/orangepill/orangepill-method';
import { DEMO_METHOD } from '../../app/providers/demo/demo-method';
import { brandName, methodLabel } from '../../renderer/cashier/shared/sale-choices';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

const en = CASHIER_WORDS.en.common;

/** A live shop whose Opn account now offers PayNow only. */
const terminal: TerminalInfo = {
  merchantName: 'Kopi Corner',
  demo: false,
  locale: 'en-SG',
  defaultCurrency: 'SGD',
  methods: [opnMethodInfo(false, 'paynow')],
  language: DEFAULT_SETTINGS.language,
  sounds: DEFAULT_SETTINGS.sounds,
  entryMode: 'cents',
};

describe('a method\u2019s name on the cashier screen', () => {
  it('is the offered method\u2019s label', () => {
    expect(methodLabel(terminal, 'paynow', en)).toBe('PayNow');
    expect(methodLabel({ ...terminal, methods: [opnMethodInfo(true, 'paynow')] }, 'paynow', en)).toBe('PayNow (simulated)');
  });

  it('is still the method\u2019s own name once the account no longer offers it, never its id', () => {
    expect(methodLabel(terminal, 'truemoney', en)).toBe('TrueMoney');
    expect(methodLabel(terminal, 'wechatpay', en)).toBe('WeChat Pay');
    expect(methodLabel(terminal, 'alipayplus', en)).toBe('Alipay+');
    expect(methodLabel(terminal, 'atome', en)).toBe('Atome');
    expect(methodLabel(terminal, 'orangepill', en)).toBe('Orangepill');
    expect(methodLabel(null, 'demo', en)).toBe('Demo QR');
    for (const id of METHOD_IDS) expect(methodLabel(null, id, en), id).not.toBe(id);
  });

  it('marks a simulated method in the screen\u2019s language: the brand, then the marker (issue 18)', () => {
    const demo = { ...terminal, demo: true, methods: [opnMethodInfo(true, 'paynow'), opnMethodInfo(true, 'wechatpay'), orangepillMethodInfo(true), DEMO_METHOD] };
    const names = (language: keyof typeof CASHIER_WORDS) => (['paynow', 'wechatpay', 'orangepill', 'demo'] as const).map((id) => methodLabel(demo, id, CASHIER_WORDS[language].common));
    // English as the terminal's own label, word for word, so English screens do not change.
    expect(names('en')).toEqual(['PayNow (simulated)', 'WeChat Pay (simulated)', 'Orangepill (simulated)', 'Demo QR']);
    expect(names('en')).toEqual(demo.methods.map((m) => m.label));
    expect(names('ms')).toEqual(['PayNow (simulasi)', 'WeChat Pay (simulasi)', 'Orangepill (simulasi)', 'Demo QR']);
    expect(names('zh-Hans')).toEqual(['PayNow（模拟）', 'WeChat Pay（模拟）', 'Orangepill（模拟）', 'Demo QR']);
  });

  it('gives a live method its plain name in every language', () => {
    for (const language of ['en', 'ms', 'zh-Hans'] as const) expect(methodLabel(terminal, 'paynow', CASHIER_WORDS[language].common)).toBe('PayNow');
  });

  it('is the brand alone where the demo banner already says it (the device bar\u2019s chip), in every language', () => {
    expect((['paynow', 'wechatpay', 'orangepill', 'demo'] as const).map(brandName)).toEqual(['PayNow', 'WeChat Pay', 'Orangepill', 'Demo QR']);
  });
});
