import { describe, expect, it } from 'vitest';
import { emvCrc, qrPayloadFor } from '../../electron/simulators/opn/opn-qr-payloads';
import { OPN_SIM_METHODS, OPN_SIM_SOURCE_TYPES } from '../../electron/simulators/opn/opn-sim-methods';

/** Reads EMVCo id-length-value fields into a map; throws when the text is not well formed. */
function fields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || at + 4 + length > text.length) throw new Error(`bad field at ${at}`);
    out.set(id, text.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

const charge = { id: 'chrg_test_5ug0fxc8vlqb5zg9g4p', amount: 123_456, currency: 'THB', expires_at: '2026-05-01T10:00:00Z' };

describe('Opn simulator QR payloads', () => {
  it('the CRC is CRC-16/CCITT-FALSE (check value 29B1 for "123456789")', () => {
    expect(emvCrc('123456789')).toBe('29B1');
  });

  it('PromptPay: a dynamic Thai QR bill payment in THB with the charge as reference and a valid CRC', () => {
    const text = qrPayloadFor('promptpay', charge);
    const f = fields(text);
    expect([f.get('00'), f.get('01'), f.get('53'), f.get('54'), f.get('58')]).toEqual(['01', '12', '764', '1234.56', 'TH']);
    const merchant = fields(f.get('30')!);
    expect(merchant.get('00')).toBe('A000000677010112');
    expect(merchant.get('02')).toBe('5UG0FXC8VLQB5ZG9G4P');
    expect(f.get('63')).toBe(emvCrc(text.slice(0, -4)));
  });

  it('PayNow: an SGQR code to a UEN, amount not editable, expiring on the charge\u2019s date', () => {
    const text = qrPayloadFor('paynow', { ...charge, currency: 'SGD', amount: 500 });
    const f = fields(text);
    expect([f.get('53'), f.get('54'), f.get('58')]).toEqual(['702', '5.00', 'SG']);
    const paynow = fields(f.get('26')!);
    expect([paynow.get('00'), paynow.get('01'), paynow.get('03'), paynow.get('04')]).toEqual(['SG.PAYNOW', '2', '0', '20260501']);
    expect(fields(f.get('62')!).get('01')).toBe('5UG0FXC8VLQB5ZG9G4P');
    expect(f.get('63')).toBe(emvCrc(text.slice(0, -4)));
  });

  it('every method\u2019s payload is unique to its charge', () => {
    for (const type of OPN_SIM_SOURCE_TYPES) {
      const other = { ...charge, id: 'chrg_test_0000000000000000000' };
      expect(qrPayloadFor(type, charge), type).not.toBe(qrPayloadFor(type, other));
    }
    expect(qrPayloadFor('atome_qr', { ...charge, currency: 'MYR' })).toBe('https://qr.atome.my/pay/chrg_test_5ug0fxc8vlqb5zg9g4p');
  });
});

describe('Opn simulator method table', () => {
  it('holds the documented rules: PromptPay THB 2000-15000000, never refundable, SVG; Atome as its doc', () => {
    expect(OPN_SIM_METHODS.promptpay).toMatchObject({ currencies: { THB: { min: 2000, max: 15_000_000 } }, refunds: null, image: 'svg' });
    expect(OPN_SIM_METHODS.atome_qr.currencies).toEqual({ SGD: { min: 150, max: 300_000 }, MYR: { min: 1000, max: 500_000 } });
    expect(OPN_SIM_METHODS.atome_qr.refunds?.windowMs).toBe(60 * 24 * 3600_000);
  });

  it('invents no limit where none is documented', () => {
    for (const type of ['paynow', 'truemoney_qr', 'wechat_pay_mpm', 'alipayplus_mpm'] as const) {
      expect(Object.values(OPN_SIM_METHODS[type].currencies).every((limits) => limits === null), type).toBe(true);
    }
  });
});
