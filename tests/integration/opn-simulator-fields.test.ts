import { describe, expect, it } from 'vitest';
import { OPN_SIM_SOURCE_TYPES } from '../../electron/simulators/opn/opn-simulator';
import { createCharge, opnApi, paidCharge, useOpnSim } from '../support/opn-sim-http';

/**
 * The new methods' answers carry the fields of the doc's Atome QR charge and nothing more (the
 * Atome charge itself is held to the doc in simulator-doc-fields.test.ts), and GET /capability only
 * the fields opn-qr-sources.md relies on.
 */

/** Every field path in a JSON value, array items as "[]"; `metadata` (the merchant's own) is not walked. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (prefix === 'metadata') return [prefix];
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return prefix === '' ? [] : [prefix];
  const entries = Object.entries(value);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, item]) => fieldPaths(item, prefix === '' ? key : `${prefix}.${key}`));
}
const paths = (value: unknown) => [...new Set(fieldPaths(value))].sort();

const sim = useOpnSim();
const CURRENCY = { atome_qr: 'SGD', paynow: 'SGD', promptpay: 'THB', truemoney_qr: 'THB', wechat_pay_mpm: 'THB', alipayplus_mpm: 'SGD' } as const;

describe('Opn simulator: the new methods\u2019 answers have the doc\u2019s fields only', () => {
  it('a pending and a paid charge of each method have exactly the Atome QR charge\u2019s fields', async () => {
    const atome = await paidCharge(sim(), { amount: '5000', currency: 'SGD', 'source[type]': 'atome_qr', 'metadata[terminal_reference]': 'T-1' });
    const expected = paths((await opnApi(sim(), `/charges/${atome.id}`)).json);
    expect(expected).toContain('source.scannable_code.image.download_uri');
    for (const type of OPN_SIM_SOURCE_TYPES) {
      const form = { amount: '5000', currency: CURRENCY[type], 'source[type]': type, 'metadata[terminal_reference]': `T-${type}` };
      const pending = await createCharge(sim(), form);
      const paid = await paidCharge(sim(), form);
      expect(paths(pending), type).toEqual(expected);
      expect(paths((await opnApi(sim(), `/charges/${paid.id}`)).json), type).toEqual(expected);
    }
  });

  it('an error answer for a new rule has the brief\u2019s three fields', async () => {
    const paid = await paidCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
    const refused = await opnApi(sim(), `/charges/${paid.id}/refunds`, { amount: '100' });
    expect(paths(refused.json)).toEqual(['code', 'message', 'object']);
  });

  it('GET /capability: kind, location, country, charge limits and each method\u2019s name and currencies', async () => {
    expect(paths((await opnApi(sim(), '/capability')).json)).toEqual([
      'country',
      'limits.charge_amount.max',
      'limits.charge_amount.min',
      'location',
      'object',
      'payment_methods[].currencies[]',
      'payment_methods[].name',
      'payment_methods[].object',
    ]);
  });
});
