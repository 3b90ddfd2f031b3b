/**
 * Opn answers for the QR methods beyond Atome, stubbed over real HTTP on 127.0.0.1 and written from
 * the doc (../shared/providers/opn-atome-qr.txt for the charge's shape, opn-qr-sources.md for each
 * method's source type, flow, image and refundability). It stands in for the Opn simulator in the
 * client's own tests until the simulator learns these methods. Each answer carries only fields the
 * doc shows; what a test wants otherwise (a redirect flow, a hostile body) it sets per test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

export const STUB_SECRET = 'skey_test_61stubbedopnsecret7q';

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly form: Readonly<Record<string, string>>;
  readonly authorization: string | null;
}

export interface StubCharge {
  id: string;
  amount: number;
  currency: string;
  type: string;
  status: 'pending' | 'successful' | 'failed' | 'expired';
  failureCode: string | null;
  refunded: number;
  refunds: number;
  metadata: Record<string, string>;
  createdAt: number;
  expiresAt: string | null;
  paidAt: number | null;
  payload: string;
}

export interface StubOptions {
  /** Source types answered with another flow than `offline` (no scannable_code), e.g. `{ paynow: 'redirect' }`. */
  readonly flows?: Readonly<Record<string, string>>;
  /** The `GET /capability` body; by default every QR source type in the currencies the doc gives. */
  readonly capability?: unknown;
  /** What `refundable` says of a successful charge, per source type (PromptPay false, the others true). */
  readonly refundable?: Readonly<Record<string, boolean>>;
  /** `expires_at` Opn answers with, per source type; by default what was sent. */
  readonly expiresAt?: Readonly<Record<string, string | null>>;
}

export interface OpnStub {
  readonly baseUrl: string;
  readonly requests: StubRequest[];
  readonly charges: Map<string, StubCharge>;
  /** Replaces the next answer to a path (exact match) with this status and raw body. */
  answerOnce(path: string, status: number, body: string | Buffer, contentType?: string): void;
  setCapability(body: unknown): void;
  settle(id: string, status: 'successful' | 'failed' | 'expired', failureCode?: string): void;
  close(): Promise<void>;
}

/** Every offline QR source type of opn-qr-sources.md with its currencies, as the capability fixture lists them. */
export const STUB_CAPABILITY = {
  object: 'capability',
  location: '/capability',
  payment_methods: [
    { object: 'payment_method', name: 'card', currencies: ['THB', 'SGD'], card_brands: ['Visa'], installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'atome_qr', currencies: ['SGD', 'MYR'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'paynow', currencies: ['SGD'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'promptpay', currencies: ['THB'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'truemoney_qr', currencies: ['THB'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'wechat_pay_mpm', currencies: ['THB'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'alipayplus_mpm', currencies: ['THB', 'SGD'], card_brands: null, installment_terms: null, banks: [], provider: null },
    { object: 'payment_method', name: 'duitnow_qr', currencies: ['MYR'], card_brands: null, installment_terms: null, banks: [], provider: null },
  ],
  country: 'SG',
};

const opnTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
let sequence = 0;
const nextId = (prefix: string): string => `${prefix}_test_${(++sequence).toString(36).padStart(19, '0')}`;

/** PromptPay's document is `qrcode.svg` [code][3p]; the other methods' format is not documented, so PNG. */
async function image(charge: StubCharge): Promise<{ body: Buffer; contentType: string; filename: string }> {
  if (charge.type === 'promptpay') {
    return { body: Buffer.from(await QRCode.toString(charge.payload, { type: 'svg', margin: 4 })), contentType: 'image/svg+xml', filename: 'qrcode.svg' };
  }
  return { body: await QRCode.toBuffer(charge.payload, { type: 'png', margin: 4, scale: 6 }), contentType: 'image/png', filename: 'qrcode.png' };
}

function shown(baseUrl: string, c: StubCharge, options: StubOptions): Record<string, unknown> {
  const flow = options.flows?.[c.type] ?? 'offline';
  const docu = `docu_${c.id.slice(5)}`;
  const filename = c.type === 'promptpay' ? 'qrcode.svg' : 'qrcode.png';
  const scannable =
    flow === 'offline'
      ? {
          object: 'barcode',
          type: 'qr',
          image: {
            object: 'document',
            livemode: false,
            id: docu,
            deleted: false,
            filename,
            location: `/charges/${c.id}/documents/${docu}`,
            kind: 'qr',
            download_uri: `${baseUrl}/charges/${c.id}/documents/${docu}/downloads/0A1B2C`,
            created_at: opnTime(c.createdAt),
          },
        }
      : null;
  const paid = c.status === 'successful';
  return {
    object: 'charge',
    id: c.id,
    location: `/charges/${c.id}`,
    amount: c.amount,
    currency: c.currency,
    refunded_amount: c.refunded,
    refunds: { object: 'list', data: [], limit: 20, offset: 0, total: c.refunds, location: `/charges/${c.id}/refunds`, order: 'chronological' },
    description: null,
    metadata: c.metadata,
    source: {
      object: 'source',
      id: `src_${c.id.slice(5)}`,
      amount: c.amount,
      currency: c.currency,
      flow,
      scannable_code: scannable,
      type: c.type,
      charge_status: c.status,
    },
    failure_code: c.failureCode,
    failure_message: c.failureCode,
    status: c.status,
    authorize_uri: flow === 'offline' ? null : `${baseUrl}/pay/${c.id}`,
    return_uri: null,
    created_at: opnTime(c.createdAt),
    paid_at: c.paidAt === null ? null : opnTime(c.paidAt),
    expires_at: c.expiresAt,
    paid,
    refundable: paid && c.refunded < c.amount && (options.refundable?.[c.type] ?? c.type !== 'promptpay'),
  };
}

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
  });
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
const problem = (res: ServerResponse, status: number, code: string, message: string): void => json(res, status, { object: 'error', location: null, code, message });

/** Starts the stub on 127.0.0.1. */
export async function startOpnStub(options: StubOptions = {}): Promise<OpnStub> {
  const requests: StubRequest[] = [];
  const charges = new Map<string, StubCharge>();
  const once = new Map<string, { status: number; body: string | Buffer; contentType: string }>();
  let capability: unknown = options.capability ?? STUB_CAPABILITY;
  let baseUrl = '';

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const form = req.method === 'POST' ? await readForm(req) : {};
    requests.push({ method: req.method ?? '', path: url.pathname, form, authorization: req.headers.authorization ?? null });
    const canned = once.get(url.pathname);
    if (canned !== undefined) {
      once.delete(url.pathname);
      res.writeHead(canned.status, { 'content-type': canned.contentType });
      return void res.end(canned.body);
    }
    if (req.headers.authorization !== `Basic ${Buffer.from(`${STUB_SECRET}:`).toString('base64')}`) return problem(res, 401, 'authentication_failure', 'authentication failed');
    if (url.pathname === '/capability' && req.method === 'GET') return json(res, 200, capability);
    const parts = url.pathname.split('/').slice(1);
    if (parts[0] !== 'charges') return problem(res, 404, 'not_found', `path ${url.pathname} was not found`);
    if (parts.length === 1 && req.method === 'POST') {
      const now = Date.now();
      const type = form['source[type]'] ?? '';
      const metadata = Object.fromEntries(Object.entries(form).flatMap(([k, v]) => (/^metadata\[(.+)\]$/.exec(k)?.[1] === undefined ? [] : [[/^metadata\[(.+)\]$/.exec(k)![1]!, v]])));
      const id = nextId('chrg');
      const sent = form['expires_at'] ?? null;
      const charge: StubCharge = {
        id,
        amount: Number(form['amount']),
        currency: (form['currency'] ?? '').toUpperCase(),
        type,
        status: 'pending',
        failureCode: null,
        refunded: 0,
        refunds: 0,
        metadata,
        createdAt: now,
        expiresAt: options.expiresAt !== undefined && type in options.expiresAt ? (options.expiresAt[type] ?? null) : sent,
        paidAt: null,
        payload: `00020101021229370016A000000677010111011300669${id.slice(-8)}5303764540${form['amount'] ?? ''}6304ABCD`,
      };
      charges.set(id, charge);
      return json(res, 200, shown(baseUrl, charge, options));
    }
    if (parts.length === 1 && req.method === 'GET') {
      const data = [...charges.values()].reverse().map((c) => shown(baseUrl, c, options));
      return json(res, 200, { object: 'list', data, limit: 100, offset: 0, total: data.length, order: 'reverse_chronological', from: opnTime(0), to: opnTime(Date.now()) });
    }
    const charge = charges.get(parts[1] ?? '');
    if (charge === undefined) return problem(res, 404, 'not_found', `charge ${parts[1] ?? ''} was not found`);
    const rest = parts.slice(2).join('/');
    if (rest === '' && req.method === 'GET') return json(res, 200, shown(baseUrl, charge, options));
    if (rest === 'expire' && req.method === 'POST') {
      if (charge.status === 'pending') charge.status = 'expired';
      return json(res, 200, shown(baseUrl, charge, options));
    }
    if (rest === 'refunds' && req.method === 'POST') {
      const amount = Number(form['amount']);
      charge.refunded += amount;
      charge.refunds += 1;
      return json(res, 200, { object: 'refund', id: nextId('rfnd'), amount, currency: charge.currency.toLowerCase(), charge: charge.id, created_at: opnTime(Date.now()) });
    }
    if (rest.startsWith('documents/') && req.method === 'GET') {
      const picture = await image(charge);
      res.writeHead(200, { 'content-type': picture.contentType, 'content-length': picture.body.length });
      return void res.end(picture.body);
    }
    return problem(res, 404, 'not_found', `path ${url.pathname} was not found`);
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch(() => problem(res, 500, 'internal_error', 'stub fault'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests,
    charges,
    answerOnce: (path, status, body, contentType = 'application/json') => once.set(path, { status, body, contentType }),
    setCapability: (body) => (capability = body),
    settle: (id, status, failureCode) => {
      const charge = charges.get(id);
      if (charge === undefined) throw new Error(`no stub charge ${id}`);
      charge.status = status;
      charge.failureCode = failureCode ?? null;
      if (status === 'successful') charge.paidAt = Date.now();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
