import { beforeEach, describe, expect, it } from 'vitest';
import { closeEvent } from '../../app/engine/close-outcome';
import type { HttpRequest } from '../../app/providers/http';
import { createOpnClient } from '../../app/providers/opn/opn-client';
import { opnHttpError } from '../../app/providers/opn/opn-errors';
import { OPN_METHODS, type OpnMethodId } from '../../app/providers/opn/opn-methods';
import { loadOpnQr, type QrImageDecoded } from '../../app/providers/opn/opn-qr';
import type { ProviderError } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';
import { refusalFor } from '../../electron/shared/images/qr-image-reasons';
import { aPayment } from '../support/payment-fixture';
import { expectWordedAsSaid } from '../support/said-check';
import { json, scriptedFetch, type Reply } from '../support/scripted-fetch';

const BASE = 'https://api.opn.test';
const NOW = Date.parse('2026-12-07T07:00:00Z');
const REF = 'T-1';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const QR_URI = `${BASE}/charges/chrg_1/documents/docu_1/downloads/qr`;

/** A pending offline charge as Opn's doc shows one, for 20.00 SGD and our reference. */
function charge(patch: Record<string, unknown> = {}, source: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'charge',
    id: 'chrg_1',
    amount: 2000,
    currency: 'SGD',
    refunded_amount: 0,
    description: null,
    metadata: { terminal_reference: REF },
    source: {
      object: 'source',
      id: 'src_1',
      type: 'atome_qr',
      amount: 2000,
      currency: 'SGD',
      flow: 'offline',
      scannable_code: { object: 'barcode', type: 'qr', image: { object: 'document', id: 'docu_1', download_uri: QR_URI, filename: 'qrcode.png' } },
      ...source,
    },
    status: 'pending',
    failure_code: null,
    failure_message: null,
    created_at: '2026-12-07T07:00:00Z',
    paid_at: null,
    expires_at: '2026-12-07T07:10:00Z',
    ...patch,
  };
}

interface Script {
  readonly create?: Reply;
  readonly expire?: Reply;
  readonly download?: Reply;
  readonly other?: Reply;
  readonly decoded?: QrImageDecoded;
  readonly method?: OpnMethodId;
  readonly currencies?: readonly ['MYR'];
}

function client(script: Script) {
  const route = (url: string, request: HttpRequest): Reply => {
    if (url === QR_URI) return script.download ?? { status: 200, body: PNG, headers: { 'content-type': 'image/png' } };
    if (request.method === 'POST' && url === `${BASE}/charges`) return script.create ?? json(200, charge());
    if (request.method === 'POST' && url.endsWith('/expire')) return script.expire ?? json(200, charge({ status: 'expired' }));
    return script.other ?? json(404, { object: 'error', code: 'not_found', message: 'charge chrg_1 was not found' });
  };
  return createOpnClient({
    baseUrl: BASE,
    secretKey: 'skey_test_saidpay',
    omiseVersion: '2019-05-29',
    fetch: scriptedFetch(route),
    now: () => NOW,
    decodeQrImage: () => Promise.resolve(script.decoded === undefined ? 'QR-PAYLOAD' : script.decoded),
    simulated: true,
    ...(script.method === undefined ? {} : { method: script.method }),
    ...(script.currencies === undefined ? {} : { currencies: script.currencies }),
  });
}

const sale = (minor = 2000, expiresAt = NOW + 10 * 60_000) => ({ reference: REF, amount: { minor, currency: 'SGD' } as const, description: 'Sale', expiresAt, payerAlias: null });

function failed<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error('expected the client to refuse');
  return result.error;
}

/** The kinds told so far, nested ones after a slash ("cancelled_at_opn/other_amount"). */
let told: string[] = [];
const kindPath = (said: { readonly kind: string; readonly problem?: unknown } | undefined): string =>
  said === undefined ? '(none)' : said.problem === undefined ? said.kind : `${said.kind}/${kindPath(said.problem as { kind: string })}`;

/** Checks the wording (see expectWordedAsSaid) and keeps the kind, so each test can list what it reached. */
function expectSaid(error: { readonly message: string; readonly said?: Parameters<typeof kindPath>[0] }): void {
  told.push(kindPath(error.said));
  expectWordedAsSaid(error as Parameters<typeof expectWordedAsSaid>[0]);
}

function reached(kinds: readonly string[]): void {
  expect(told).toEqual(kinds);
  told = [];
}

const opnError = (code: string, message: string) => json(400, { object: 'error', code, message });

describe('Opn’s refusals and unusable answers, worded by the cashier screen exactly as the client said them in English', () => {
  beforeEach(() => {
    told = [];
  });

  it('the key refused, access refused, nothing found, and each thing Opn rejected in its own words', async () => {
    expectSaid(failed(await client({ create: json(401, { object: 'error', code: 'authentication_failure', message: 'bad key' }) }).create(sale())));
    expectSaid(failed(await client({ create: json(403, { object: 'error', code: 'forbidden', message: 'account locked' }) }).create(sale())));
    expectSaid(failed(await client({}).status('chrg_gone')));
    for (const code of ['invalid_charge', 'failed_refund', 'bad_request']) {
      const refusal = opnHttpError({ status: 400, error: { object: 'error', code, message: 'amount must be at least 150' }, retryAfter: null, mayHaveTakenEffect: true }, [], NOW);
      expectSaid(refusal);
    }
    expectSaid(failed(await client({ create: opnError('invalid_charge', 'currency is not supported') }).create(sale())));
    reached(['key_refused', 'access_refused', 'not_found', 'provider_rejected', 'provider_rejected', 'provider_rejected', 'provider_rejected']);
  });

  it('a charge for another sale, another amount or currency, another method: cancelled at Opn when it could be', async () => {
    expectSaid(failed(await client({ create: json(200, charge({ metadata: { terminal_reference: 'T-other' } })) }).create(sale())));
    const other = [charge({ amount: 1000 }), charge({ currency: 'MYR' }), charge({ currency: 'XYZ' })];
    for (const answer of other) {
      const withdrawn = failed(await client({ create: json(200, answer) }).create(sale()));
      expect(withdrawn.message).toMatch(/; the charge was cancelled at Opn$/);
      expectSaid(withdrawn);
      const kept = failed(await client({ create: json(200, answer), expire: json(500, {}) }).create(sale()));
      expect(kept.said?.kind).toBe('other_amount');
      expectSaid(kept);
    }
    expectSaid(failed(await client({ create: json(200, charge({}, { type: 'paynow' })) }).create(sale())));
    const followed = client({ other: json(200, charge({ amount: 5 })) });
    expect((await followed.create(sale())).ok).toBe(true);
    expectSaid(failed(await followed.status('chrg_1')));
    reached(['other_sale', 'cancelled_at_opn/other_amount', 'other_amount', 'cancelled_at_opn/other_amount', 'other_amount', 'cancelled_at_opn/other_amount', 'other_amount', 'cancelled_at_opn/opn_other_source', 'other_amount']);
  });

  it('a charge that is no QR to show: another flow, no code, a QR elsewhere, an image refused, unread or not fetched', async () => {
    for (const source of [{ flow: 'redirect' }, { flow: 'app_redirect' }, { flow: 'sideways' }, { flow: null }, { scannable_code: null }]) {
      expectSaid(failed(await client({ create: json(200, charge({}, source)) }).create(sale())));
    }
    const elsewhere = { scannable_code: { object: 'barcode', type: 'qr', image: { object: 'document', id: 'd', download_uri: 'https://evil.test/qr' } } };
    expectSaid(failed(await client({ create: json(200, charge({}, elsewhere)) }).create(sale())));
    const notImage = { status: 200, body: 'hello', headers: { 'content-type': 'text/plain' } };
    expectSaid(failed(await client({ download: notImage }).create(sale())));
    const svg = { status: 200, body: '<svg xmlns="http://www.w3.org/2000/svg"/>', headers: { 'content-type': 'image/svg+xml' } };
    expectSaid(failed(await client({ download: svg, decoded: null }).create(sale())));
    // One reason starting "The QR image", and the one that does not.
    for (const refusal of [refusalFor({ kind: 'not_image' }), refusalFor({ kind: 'no_qr' })]) {
      expectSaid(failed(await client({ decoded: { payload: null, refused: refusal.reason, said: refusal.said } }).create(sale())));
    }
    const tooLarge = { status: 200, body: PNG, headers: { 'content-type': 'image/png', 'content-length': String(10 * 1024 * 1024) } };
    for (const download of [tooLarge, json(401, { object: 'error', code: 'authentication_failure', message: 'no' })]) {
      const error = failed(await client({ download }).create(sale()));
      expect(error.message).toMatch(/^Could not fetch the Atome QR image: .*; the charge was cancelled at Opn$/);
      expectSaid(error);
    }
    // A QR the server holds back (503) is passed on for the engine to look again: fetched later, never cancelled.
    expectSaid(failed(await client({ download: json(503, {}) }).create(sale())));
    const noImage = charge({}, { scannable_code: undefined });
    const http = { call: () => Promise.reject(new Error('not called')), download: () => Promise.reject(new Error('not called')) };
    expectSaid(failed(await loadOpnQr(http, BASE, () => Promise.resolve(null), noImage as never, OPN_METHODS.atome)));
    reached(['cancelled_at_opn/opn_not_qr', 'cancelled_at_opn/opn_not_qr', 'cancelled_at_opn/opn_not_qr', 'cancelled_at_opn/opn_not_qr', 'cancelled_at_opn/opn_not_qr', 'cancelled_at_opn/opn_qr_elsewhere', 'cancelled_at_opn/opn_qr_not_image', 'cancelled_at_opn/opn_qr_svg_unread', 'cancelled_at_opn/opn_qr_refused', 'cancelled_at_opn/opn_qr_refused', 'cancelled_at_opn/qr_fetch_failed/opn_qr_too_large', 'cancelled_at_opn/qr_fetch_failed/key_refused', 'qr_fetch_failed/provider_trouble', 'opn_qr_missing']);
  });

  it('an amount or QR lifetime the method’s rules refuse, checked again as the charge leaves', async () => {
    expectSaid(failed(await client({}).create(sale(100))));
    expectSaid(failed(await client({ currencies: ['MYR'] }).create(sale())));
    for (const expiresAt of [NOW + 13 * 3_600_000, NOW + 10_000, Number.NaN]) expectSaid(failed(await client({}).create(sale(2000, expiresAt))));
    expectSaid(failed(await client({ method: 'promptpay' }).create({ ...sale(2000, NOW + 25 * 3_600_000), amount: { minor: 2000, currency: 'THB' } })));
    reached(['amount_refused', 'amount_refused', 'qr_expiry_too_long', 'qr_expiry_too_short', 'qr_expiry_invalid', 'qr_expiry_too_long']);
  });

  it('too many recent charges to find a lost one', async () => {
    const page = (url: string) => ({ object: 'list', data: [charge({ metadata: { terminal_reference: 'T-else' } })], limit: 100, offset: Number(/offset=(\d+)/.exec(url)?.[1] ?? 0), total: 100_000, order: 'reverse_chronological', from: '2026-12-06T07:00:00Z', to: '2026-12-07T07:00:00Z' });
    const many = createOpnClient({
      baseUrl: BASE,
      secretKey: 'skey_test_saidpay',
      omiseVersion: '2019-05-29',
      fetch: scriptedFetch((url) => json(200, page(url))),
      now: () => NOW,
      decodeQrImage: () => Promise.resolve(null),
      simulated: true,
    });
    expectSaid(failed(await many.findByReference(REF)));
    reached(['opn_too_many_charges']);
  });

  it('a cancel that did not go through yet says why, in the cashier’s language', async () => {
    const payment = aPayment({ state: { status: 'cancelling' } });
    const context = { provider: 'Opn', locale: 'en-SG' };
    for (const other of [json(401, { object: 'error', code: 'authentication_failure', message: 'no' }), opnError('bad_request', 'cannot expire')]) {
      const event = closeEvent(payment, await client({ other }).cancel('chrg_1'), 'cancel', context);
      expect(event.type).toBe('cancel_failed');
      if (event.type === 'cancel_failed') expectSaid(event);
    }
    reached(['cancel_not_yet/key_refused', 'cancel_not_yet/provider_rejected']);
  });
});
