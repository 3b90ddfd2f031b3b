import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-util';
import { capabilityBody, type OpnAccount } from './opn-capability';
import { parseCreateForm, type CreateChargeInput } from './opn-create-form';
import { newCharge, type NewCharge, type OpnCharge } from './opn-charge';
import { errorBody, shownCharge, shownRefund } from './opn-doc-fields';
import type { OpnLedger, OpnProblem } from './opn-ledger';
import { qrPayloadFor } from './opn-qr-payloads';
import { QR_CONTENT_TYPES, qrFormatOf, qrImage, type OpnQrImageMode } from './opn-qr-image';
import { OPN_SIM_METHODS, type OpnSimSourceType } from './opn-sim-methods';

export interface ApiContext {
  readonly ledger: OpnLedger;
  readonly baseUrl: () => string;
  readonly now: () => number;
  readonly qrPayloads: Map<string, string>;
  readonly qrMode: () => OpnQrImageMode;
  /** The account's country and enabled methods, as `GET /capability` reports them. */
  readonly account: () => OpnAccount;
  /** Source types whose QR is served as SVG though their doc shows no format (a test option). */
  readonly svgTypes: ReadonlySet<OpnSimSourceType>;
  /** Source types that answer as a redirect flow (a test option, never a default). */
  readonly redirectTypes: ReadonlySet<OpnSimSourceType>;
  /** Fields beyond the doc; see OpnSimulatorOptions.extensions. */
  readonly extensions: boolean;
}

export function sendProblem(res: ServerResponse, p: OpnProblem, extensions: boolean): void {
  sendJson(res, p.status, errorBody(p, extensions));
}

/** How a checked create form becomes a charge: offline with its QR's format, or redirect when a test asked. */
function chargeFlow(input: CreateChargeInput, ctx: ApiContext): NewCharge['flow'] {
  if (ctx.redirectTypes.has(input.type)) return { kind: 'redirect', returnUri: input.returnUri };
  return { kind: 'offline', format: ctx.svgTypes.has(input.type) ? 'svg' : OPN_SIM_METHODS[input.type].image };
}

/** `POST /charges`: a new charge, its QR's text kept beside it. */
function createCharge(req: IncomingMessage, body: string, ctx: ApiContext): OpnCharge | OpnProblem {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return { status: 400, code: 'bad_request', message: 'expected an application/x-www-form-urlencoded body' };
  }
  const input = parseCreateForm(body, ctx.now(), ctx.account());
  if (!input.ok) return input.error;
  const charge = ctx.ledger.put(newCharge({ ...input.value, now: ctx.now(), baseUrl: ctx.baseUrl(), flow: chargeFlow(input.value, ctx) }));
  if (charge.source.scannable_code !== null) ctx.qrPayloads.set(charge.id, qrPayloadFor(charge.source.type, charge));
  return charge;
}

/** The QR document of an offline charge, in the format its file name says. */
async function sendDocument(res: ServerResponse, charge: OpnCharge, ctx: ApiContext): Promise<void> {
  const format = qrFormatOf(charge.source.scannable_code?.image.filename ?? '');
  const image = await qrImage(ctx.qrPayloads.get(charge.id) ?? '', ctx.qrMode(), format);
  res.writeHead(200, { 'content-type': QR_CONTENT_TYPES[format], 'content-length': image.length });
  res.end(image);
}

/** Opn's API for QR charges, as the client uses it. Auth has been checked by the caller. */
export async function routeOpnApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string, ctx: ApiContext): Promise<void> {
  const method = req.method ?? 'GET';
  const fail = (p: OpnProblem) => sendProblem(res, p, ctx.extensions);
  const notFound = (what: string) => fail({ status: 404, code: 'not_found', message: `${what} was not found` });
  const charge200 = (c: OpnCharge) => sendJson(res, 200, shownCharge(c, ctx.extensions));
  if (url.pathname === '/capability' && method === 'GET') return sendJson(res, 200, capabilityBody(ctx.account(), ctx.extensions));
  const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'charges') return notFound(`path ${url.pathname.slice(0, 200)}`);

  if (parts.length === 1 && method === 'POST') {
    const created = createCharge(req, body, ctx);
    return 'object' in created ? charge200(created) : fail(created);
  }
  if (parts.length === 1 && method === 'GET') {
    const listed = ctx.ledger.list(Object.fromEntries(url.searchParams));
    return listed.ok ? sendJson(res, 200, { ...listed.value, data: listed.value.data.map((c) => shownCharge(c, ctx.extensions)) }) : fail(listed.error);
  }

  const id = parts[1] ?? '';
  const charge = ctx.ledger.get(id);
  if (charge === undefined) return notFound(`charge ${id.slice(0, 100)}`);
  const rest = parts.slice(2).join('/');

  if (rest === '' && method === 'GET') return charge200(charge);
  if (rest === 'expire' && method === 'POST') {
    const expired = ctx.ledger.expire(id);
    return expired.ok ? charge200(expired.value) : fail(expired.error);
  }
  if (rest === 'refunds' && method === 'POST') {
    const refund = ctx.ledger.refund(id, new URLSearchParams(body).get('amount'));
    return refund.ok ? sendJson(res, 200, shownRefund(refund.value, ctx.extensions)) : fail(refund.error);
  }
  if (rest === 'refunds' && method === 'GET') {
    return sendJson(res, 200, { ...charge.refunds, data: charge.refunds.data.map((r) => shownRefund(r, ctx.extensions)) });
  }

  const doc = charge.source.scannable_code?.image;
  if (method === 'GET' && doc !== undefined && new URL(doc.download_uri).pathname === url.pathname) return sendDocument(res, charge, ctx);
  return notFound(`path ${url.pathname.slice(0, 200)}`);
}
