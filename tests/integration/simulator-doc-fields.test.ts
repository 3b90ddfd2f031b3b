import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';

/**
 * The simulators' default answers hold only fields the providers' docs define. Each answer's JSON is
 * walked to its field paths ("data.order", "log[].status") and compared with the lists below, written
 * from the docs in ../shared/providers/. Only with the extensions switch may more appear.
 */

/** Every field path in a JSON value; array items as "[]". Values under `open` prefixes are not walked. */
function fieldPaths(value: unknown, open: readonly string[], prefix = ''): string[] {
  if (open.includes(prefix)) return [prefix];
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, open, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return prefix === '' ? [] : [prefix];
  const entries = Object.entries(value);
  if (entries.length === 0) return prefix === '' ? [] : [prefix];
  return entries.flatMap(([key, item]) => fieldPaths(item, open, prefix === '' ? key : `${prefix}.${key}`));
}

const undocumented = (value: unknown, documented: ReadonlySet<string>, open: readonly string[] = []): string[] =>
  [...new Set(fieldPaths(value, open))].filter((path) => !documented.has(path));

/**
 * orangepill-payment-request.txt. The request object, as "In response we get Payment Request entity."
 * shows it: id, version, destination.alias, amount, asset, description, data.{system, callback, store,
 * merchant, order}, status, owner, created_at, error. The Version 1.0 table adds source.alias, tags,
 * data.invoice and data.cart. "History of status changes can be found in object log": log[].{status,
 * created_at}. "List of transactions related to payment request can be found in Array object related":
 * related[].{type, value, created_at}. "Use data object to add custom fields for this operation": the
 * terminal's own data.expires_at is such a field, sent by it and echoed back.
 */
const ORANGEPILL_FIELDS = new Set([
  'id',
  'version',
  'destination.alias',
  'source.alias',
  'amount',
  'asset',
  'description',
  'tags[]',
  'data.system',
  'data.callback',
  'data.store',
  'data.merchant',
  'data.order',
  'data.invoice',
  'data.cart',
  'data.expires_at',
  'status',
  'owner',
  'created_at',
  'error',
  'log[].status',
  'log[].created_at',
  'related[].type',
  'related[].value',
  'related[].created_at',
]);

const OP_KEY = 'op_test_DOCFIELDS_1a2b3c';
const ALIAS = '@pet_shop_barney';

async function orangepillJson(sim: OrangepillSimulator, path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${sim.baseUrl}${path}`, { ...init, headers: { 'x-api-key': OP_KEY, 'content-type': 'application/json', ...init.headers } });
  expect(response.ok).toBe(true);
  return response.json();
}

/** A dynamic request as the terminal sends it, partly paid and then paid: every field a request can grow. */
async function livedRequest(sim: OrangepillSimulator, key: string): Promise<string> {
  const created = (await orangepillJson(sim, '/v1/apps/payment', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: JSON.stringify({
      version: '1.0',
      destination: { alias: ALIAS },
      source: { alias: '@alice' },
      amount: 20.0,
      asset: 'SGD',
      description: 'Pet shop Barney SGD 20.00',
      data: { order: `T-${key}`, store: 'Pet shop Barney', merchant: 'Pet shop Ltd.', system: 'QR Counter Terminal', expires_at: Date.now() + 600_000 },
      tags: ['counter'],
    }),
  })) as { id: string };
  expect(sim.simulate(created.id, 'partial').ok).toBe(true);
  expect(sim.simulate(created.id, 'paid').ok).toBe(true);
  return created.id;
}

describe('Orangepill simulator: default answers carry only the doc\u2019s fields', () => {
  let sim: OrangepillSimulator;
  let extended: OrangepillSimulator;
  beforeAll(async () => {
    sim = await startOrangepillSimulator({ apiKey: OP_KEY, merchantAlias: ALIAS });
    extended = await startOrangepillSimulator({ apiKey: OP_KEY, merchantAlias: ALIAS, extensions: true });
  });
  afterAll(async () => {
    await sim.close();
    await extended.close();
  });

  it('GET of a request that was paid in two parts: nothing beyond the doc (no related amounts, no data.received)', async () => {
    const id = await livedRequest(sim, 'doc-1');
    const answer = await orangepillJson(sim, `/v1/apps/payment/${id}`);
    expect(fieldPaths(answer, [])).toEqual(expect.arrayContaining(['related[].value', 'log[].status', 'data.order']));
    expect(undocumented(answer, ORANGEPILL_FIELDS)).toEqual([]);
  });

  it('the list answer, and the create answer, the same', async () => {
    await livedRequest(sim, 'doc-2');
    const list = (await orangepillJson(sim, '/v1/apps/payment?query={"status":"DONE"}')) as unknown[];
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(undocumented(item, ORANGEPILL_FIELDS)).toEqual([]);
  });

  it('only the extensions switch adds the amounts a richer platform might report', async () => {
    const id = await livedRequest(extended, 'ext-1');
    const answer = await orangepillJson(extended, `/v1/apps/payment/${id}`);
    expect(undocumented(answer, ORANGEPILL_FIELDS).sort()).toEqual(['data.received', 'related[].amount', 'related[].asset']);
  });

  it('a deleted request reads back 404 by default (the doc defines no read of one), CANCELLED with the extensions', async () => {
    for (const [server, expected] of [[sim, 404], [extended, 200]] as const) {
      const created = (await orangepillJson(server, '/v1/apps/payment', {
        method: 'POST',
        headers: { 'idempotency-key': `del-${expected}` },
        body: JSON.stringify({ version: '1.0', destination: { alias: ALIAS }, amount: 5, asset: 'SGD' }),
      })) as { id: string };
      expect(await orangepillJson(server, `/v1/apps/payment/${created.id}`, { method: 'DELETE' })).toBe(created.id);
      const read = await fetch(`${server.baseUrl}/v1/apps/payment/${created.id}`, { headers: { 'x-api-key': OP_KEY } });
      expect(read.status).toBe(expected);
    }
  });
});

/**
 * opn-atome-qr.txt, "Creating a charge": the charge object with its source, field for field. Its
 * `metadata` is the merchant's own (the terminal's reference), so it is not walked. The doc shows the
 * charge's refunds list (object, data, limit, offset, total, location, order, from, to) but no refund
 * object; a refund shows only which it is, for which charge, how much and when (see opn-doc-fields.ts).
 */
const OPN_SOURCE = [
  'object', 'id', 'livemode', 'location', 'amount', 'barcode', 'bank', 'created_at', 'currency', 'email', 'flow', 'installment_term',
  'absorption_type', 'name', 'mobile_number', 'phone_number', 'platform_type', 'billing', 'shipping', 'items', 'references', 'store_id',
  'store_name', 'terminal_id', 'type', 'zero_interest_installments', 'charge_status', 'receipt_amount', 'discounts',
  'scannable_code.object', 'scannable_code.type', 'scannable_code.image.object', 'scannable_code.image.livemode', 'scannable_code.image.id',
  'scannable_code.image.deleted', 'scannable_code.image.filename', 'scannable_code.image.location', 'scannable_code.image.kind',
  'scannable_code.image.download_uri', 'scannable_code.image.created_at',
];
const OPN_REFUND = ['object', 'id', 'amount', 'currency', 'charge', 'created_at'];
const OPN_CHARGE_FIELDS = new Set([
  'object', 'id', 'location', 'amount', 'net', 'fee', 'fee_vat', 'interest', 'interest_vat', 'funding_amount', 'refunded_amount',
  'transaction_fees.fee_flat', 'transaction_fees.fee_rate', 'transaction_fees.vat_rate', 'platform_fee.fixed', 'platform_fee.amount',
  'platform_fee.percentage', 'currency', 'funding_currency', 'ip', 'refunds', 'refunds.object', 'refunds.limit', 'refunds.offset',
  'refunds.total', 'refunds.location', 'refunds.order', 'refunds.from', 'refunds.to', ...OPN_REFUND.map((f) => `refunds.data[].${f}`),
  'link', 'description', 'metadata', 'card', ...OPN_SOURCE.map((f) => `source.${f}`), 'schedule', 'customer', 'dispute', 'transaction',
  'failure_code', 'failure_message', 'status', 'authorize_uri', 'return_uri', 'created_at', 'paid_at', 'expires_at', 'expired_at',
  'reversed_at', 'zero_interest_installments', 'branch', 'terminal', 'device', 'authorized', 'capturable', 'capture', 'disputable',
  'livemode', 'refundable', 'reversed', 'reversible', 'voided', 'paid', 'expired',
]);
/** The design brief: "Error objects look like {"object":"error","code":…,"message":…}". */
const OPN_ERROR_FIELDS = new Set(['object', 'code', 'message']);

const OPN_KEY = 'skey_test_docfields0123456789';
const basic = { authorization: `Basic ${Buffer.from(`${OPN_KEY}:`).toString('base64')}` };

async function opn(sim: OpnSimulator, path: string, form?: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: form === undefined ? 'GET' : 'POST',
    headers: { ...basic, ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
    ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
  });
  return { status: response.status, json: await response.json() };
}

describe('Opn simulator: default answers carry only the doc\u2019s fields', () => {
  let sim: OpnSimulator;
  let extended: OpnSimulator;
  beforeAll(async () => {
    sim = await startOpnSimulator({ secretKey: OPN_KEY });
    extended = await startOpnSimulator({ secretKey: OPN_KEY, extensions: true });
  });
  afterAll(async () => {
    await sim.close();
    await extended.close();
  });

  /** A paid SGD 20.00 charge, refunded in part: every field a charge can grow. */
  async function refundedCharge(server: OpnSimulator): Promise<{ id: string; refund: unknown }> {
    const created = await opn(server, '/charges', { amount: '2000', currency: 'SGD', 'source[type]': 'atome_qr', 'metadata[terminal_reference]': 'T-1' });
    const id = (created.json as { id: string }).id;
    expect(server.settle(id, 'paid').ok).toBe(true);
    const refund = await opn(server, `/charges/${id}/refunds`, { amount: '500' });
    expect(refund.status).toBe(200);
    return { id, refund: refund.json };
  }

  it('a charge read back, and a refund: nothing beyond the doc', async () => {
    const { id, refund } = await refundedCharge(sim);
    const charge = await opn(sim, `/charges/${id}`);
    expect(undocumented(charge.json, OPN_CHARGE_FIELDS, ['metadata'])).toEqual([]);
    expect(fieldPaths(charge.json, ['metadata'])).toContain('refunds.data[].amount');
    expect(undocumented(refund, new Set(OPN_REFUND))).toEqual([]);
    const list = await opn(sim, '/charges?limit=5');
    for (const item of (list.json as { data: unknown[] }).data) expect(undocumented(item, OPN_CHARGE_FIELDS, ['metadata'])).toEqual([]);
  });

  it('an error: the three fields the brief states; Opn\u2019s location link only with the extensions', async () => {
    const missing = await opn(sim, '/charges/chrg_test_nope');
    expect(missing.status).toBe(404);
    expect(undocumented(missing.json, OPN_ERROR_FIELDS)).toEqual([]);
    const extra = await opn(extended, '/charges/chrg_test_nope');
    expect(undocumented(extra.json, OPN_ERROR_FIELDS)).toEqual(['location']);
    const { refund } = await refundedCharge(extended);
    expect(undocumented(refund, new Set(OPN_REFUND)).length).toBeGreaterThan(0);
  });
});
