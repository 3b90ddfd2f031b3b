import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMMAND_NAMES, commandSchemas, describeInvalidArgs, READ_ONLY_COMMANDS } from '../../app/ipc/contract';

const good = { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'A-17' };

function chargeError(args: unknown): z.ZodError {
  const result = commandSchemas.charge.safeParse(args);
  if (result.success) throw new Error(`expected ${JSON.stringify(args)} to be rejected`);
  return result.error;
}

const withMinor = (minor: unknown): unknown => ({ ...good, amount: { minor, currency: 'SGD' } });

describe('commandSchemas.charge', () => {
  it('accepts a good charge', () => {
    const result = commandSchemas.charge.safeParse(good);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toEqual(good);
  });

  it('accepts a charge without an order reference, and trims one', () => {
    const bare = commandSchemas.charge.safeParse({ amount: { minor: 1, currency: 'JPY' }, method: 'demo' });
    expect(bare.success).toBe(true);
    const trimmed = commandSchemas.charge.safeParse({ ...good, orderRef: '  A-17  ' });
    expect(trimmed.success && trimmed.data.orderRef).toBe('A-17');
  });

  it('rejects amount.minor as a string', () => {
    const error = chargeError(withMinor('12.50'));
    expect(error.issues[0]?.path).toEqual(['amount', 'minor']);
    expect(describeInvalidArgs('charge', error)).toBe(
      'charge: amount.minor must be a whole number of minor units (e.g. 1234 for 12.34), got string "12.50"',
    );
  });

  it('rejects a fractional amount.minor', () => {
    const text = describeInvalidArgs('charge', chargeError(withMinor(12.5)));
    expect(text).toContain('amount.minor');
    expect(text).toContain('whole number of minor units');
    expect(text).toContain('12.5');
  });

  it('rejects negative and zero amounts', () => {
    expect(describeInvalidArgs('charge', chargeError(withMinor(-1)))).toBe('charge: amount.minor must be more than zero');
    expect(describeInvalidArgs('charge', chargeError(withMinor(0)))).toBe('charge: amount.minor must be more than zero');
  });

  it('rejects amounts above MAX_MINOR, NaN, Infinity and null', () => {
    expect(describeInvalidArgs('charge', chargeError(withMinor(100_000_000_000)))).toBe(
      'charge: amount.minor must be at most 99999999999 minor units',
    );
    for (const minor of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, [1234]]) {
      const text = describeInvalidArgs('charge', chargeError(withMinor(minor)));
      expect(text, String(minor)).toContain('amount.minor');
    }
  });

  it('rejects an unknown or lowercase currency', () => {
    expect(describeInvalidArgs('charge', chargeError({ ...good, amount: { minor: 100, currency: 'XYZ' } }))).toBe(
      'charge: amount.currency must be a supported ISO 4217 currency code, got string "XYZ"',
    );
    expect(describeInvalidArgs('charge', chargeError({ ...good, amount: { minor: 100, currency: 'sgd' } }))).toContain('amount.currency');
  });

  it('rejects extra keys at the top level and inside the amount', () => {
    expect(describeInvalidArgs('charge', chargeError({ ...good, tip: 100 }))).toBe('charge: unexpected field(s) tip');
    expect(describeInvalidArgs('charge', chargeError({ ...good, amount: { minor: 100, currency: 'SGD', major: 1 } }))).toBe(
      'charge: unexpected field(s) major',
    );
  });

  it('rejects an unknown method', () => {
    expect(describeInvalidArgs('charge', chargeError({ ...good, method: 'cash' }))).toBe(
      'charge: method must be a configured payment method, got string "cash"',
    );
  });

  it('rejects an over-long or non-ASCII order reference', () => {
    expect(describeInvalidArgs('charge', chargeError({ ...good, orderRef: 'x'.repeat(41) }))).toBe('charge: orderRef must be at most 40 characters');
    expect(describeInvalidArgs('charge', chargeError({ ...good, orderRef: 'A\n17' }))).toBe(
      'charge: orderRef may hold only printable ASCII characters',
    );
  });

  it('rejects non-object arguments', () => {
    for (const args of [null, undefined, 'charge', 1234, []]) {
      const text = describeInvalidArgs('charge', chargeError(args));
      expect(text.startsWith('charge: arguments '), JSON.stringify(args)).toBe(true);
    }
  });

  it('lists every problem, separated by semicolons', () => {
    const text = describeInvalidArgs('charge', chargeError({ amount: { minor: 12.5, currency: 'XYZ' }, method: 'cash' }));
    expect(text.split('; ')).toHaveLength(3);
    expect(text).toContain('amount.minor');
    expect(text).toContain('amount.currency');
    expect(text).toContain('method');
  });
});

describe('other commands', () => {
  it('cancel and dismiss need a payment id', () => {
    expect(commandSchemas.cancel.safeParse({ paymentId: 'pay_1' }).success).toBe(true);
    const missing = commandSchemas.cancel.safeParse({});
    expect(missing.success).toBe(false);
    if (!missing.success) expect(describeInvalidArgs('cancel', missing.error)).toBe('cancel: paymentId must be a payment id (a string)');
    expect(commandSchemas.dismiss.safeParse({ paymentId: '' }).success).toBe(false);
    expect(commandSchemas.dismiss.safeParse({ paymentId: 'x'.repeat(65) }).success).toBe(false);
  });

  it('demoSimulate accepts only the simulators\' outcomes', () => {
    expect(commandSchemas.demoSimulate.safeParse({ paymentId: 'p', outcome: 'paid' }).success).toBe(true);
    const bad = commandSchemas.demoSimulate.safeParse({ paymentId: 'p', outcome: 'refunded' });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(describeInvalidArgs('demoSimulate', bad.error)).toBe('demoSimulate: outcome must be one of paid, failed, expired, partial, overpaid, late, error, got string "refunded"');
    }
  });

  it('refund takes a payment id and an exact amount', () => {
    expect(commandSchemas.refund.safeParse({ paymentId: 'p', amount: { minor: 500, currency: 'SGD' } }).success).toBe(true);
    const bad = commandSchemas.refund.safeParse({ paymentId: 'p', amount: { minor: '5.00', currency: 'SGD' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeInvalidArgs('refund', bad.error)).toContain('refund: amount.minor must be a whole number of minor units');
  });

  it('charge takes an optional payer alias, and only in alias form', () => {
    const base = { amount: { minor: 100, currency: 'USD' }, method: 'orangepill' };
    expect(commandSchemas.charge.safeParse({ ...base, payerAlias: '@alice' }).success).toBe(true);
    const bad = commandSchemas.charge.safeParse({ ...base, payerAlias: 'alice smith' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeInvalidArgs('charge', bad.error)).toBe('charge: payerAlias must be an alias like @alice');
  });

  it('getSnapshot takes no arguments', () => {
    expect(commandSchemas.getSnapshot.safeParse({}).success).toBe(true);
    expect(commandSchemas.getSnapshot.safeParse({ all: true }).success).toBe(false);
  });

  it('only getSnapshot is read-only', () => {
    expect(COMMAND_NAMES).toEqual(['getSnapshot', 'charge', 'refund', 'cancel', 'markReturned', 'keepLate', 'dismiss', 'demoSimulate', 'lookupRequest', 'printSlip', 'printTest', 'getDeviceSettings', 'saveDeviceSettings', 'testPoleDisplay', 'listSerialPorts', 'listPayments', 'paymentDetail', 'exportPaymentsCsv', 'endOfDay', 'closeDay', 'listDayReports', 'reprintDayReport', 'exportDayReportCsv', 'getSettings', 'saveSettings', 'testConnection', 'signIn', 'resumeSession', 'signOut', 'getStaff', 'saveStaff', 'park', 'listParked', 'checkNow', 'resolveParked', 'acknowledgeParked', 'listDisplays', 'approveDisplay', 'revokeDisplay', 'listPosClients', 'createPosClient', 'revokePosClient', 'getPosOffer', 'takePosOffer', 'declinePosOffer', 'getPosApiStatus', 'newPosCertificate']);
    expect([...READ_ONLY_COMMANDS]).toEqual(['getSnapshot']);
  });

  it('leaves out of saveDeviceSettings a device that was not sent, so saving one never resets the other', () => {
    const parsed = commandSchemas.saveDeviceSettings.parse({ printer: { connection: null } });
    expect(parsed).not.toHaveProperty('poleDisplay');
    expect(parsed.printer).toMatchObject({ connection: null, paper: '80mm' });
    expect(commandSchemas.saveDeviceSettings.parse({})).toEqual({});
  });
});
