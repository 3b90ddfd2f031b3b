import { describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../app/ipc/contract';
import { METHOD_IDS } from '../../app/payment/method';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { methodLabel } from '../../renderer/cashier/shared/sale-choices';

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
    expect(methodLabel(terminal, 'paynow')).toBe('PayNow');
    expect(methodLabel({ ...terminal, methods: [opnMethodInfo(true, 'paynow')] }, 'paynow')).toBe('PayNow (simulated)');
  });

  it('is still the method\u2019s own name once the account no longer offers it, never its id', () => {
    expect(methodLabel(terminal, 'truemoney')).toBe('TrueMoney');
    expect(methodLabel(terminal, 'wechatpay')).toBe('WeChat Pay');
    expect(methodLabel(terminal, 'alipayplus')).toBe('Alipay+');
    expect(methodLabel(terminal, 'atome')).toBe('Atome');
    expect(methodLabel(terminal, 'orangepill')).toBe('Orangepill');
    expect(methodLabel(null, 'demo')).toBe('Demo QR');
    for (const id of METHOD_IDS) expect(methodLabel(null, id), id).not.toBe(id);
  });
});
