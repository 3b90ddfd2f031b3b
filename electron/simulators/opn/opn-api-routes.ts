import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-util';
import { parseCreateForm } from './opn-create-form';
import { newCharge, type OpnCharge } from './opn-charge';
import { errorBody, shownCharge, shownRefund } from './opn-doc-fields';
import type { OpnLedger, OpnProblem } from './opn-ledger';
import { atomeQrPayload, qrImage, type OpnQrImageMode } from './opn-qr-image';

export interface ApiContext {
  readonly ledger: OpnLedger;
  readonly baseUrl: () => string;
  readonly now: () => number;
  readonly qrPayloads: Map<string, string>;
  readonly qrMode: () => OpnQrImageMode;
  /** Fields beyond the doc; see OpnSimulatorOptions.extensions. */
  readonly extensions: boolean;
}

export function sendProblem(res: ServerResponse, p: OpnProblem, extensions: boolean): void {
  sendJson(res, p.status, errorBody(p, extensions));
}

/** Opn's API for Atome QR charges, as the client uses it. Auth has been checked by the caller. */
export async function routeOpnApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string, ctx: ApiContext): Promise<void> {
  const method = req.method ?? 'GET';
  const fail = (p: OpnProblem) => sendProblem(res, p, ctx.extensions);
  const notFound = (what: string) => fail({ status: 404, code: 'not_found', message: `${what} was not found` });
  const charge200 = (c: OpnCharge) => sendJson(res, 200, shownCharge(c, ctx.extensions));
  const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'charges') return notFound(`path ${url.pathname}`);

  if (parts.length === 1 && method === 'POST') {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return fail({ status: 400, code: 'bad_request', message: 'expected an application/x-www-form-urlencoded body' });
    }
    const input = parseCreateForm(body, ctx.now());
    if (!input.ok) return fail(input.error);
    const charge = ctx.ledger.put(newCharge({ ...input.value, now: ctx.now(), baseUrl: ctx.baseUrl() }));
    ctx.qrPayloads.set(charge.id, atomeQrPayload(charge.id, charge.currency));
    return charge200(charge);
  }
  if (parts.length === 1 && method === 'GET') {
    const listed = ctx.ledger.list(Object.fromEntries(url.searchParams));
    return listed.ok ? sendJson(res, 200, { ...listed.value, data: listed.value.data.map((c) => shownCharge(c, ctx.extensions)) }) : fail(listed.error);
  }

  const id = parts[1] ?? '';
  const charge = ctx.ledger.get(id);
  if (charge === undefined) return notFound(`charge ${id}`);
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

  const doc = charge.source.scannable_code.image;
  if (method === 'GET' && new URL(doc.download_uri).pathname === url.pathname) {
    const image = await qrImage(ctx.qrPayloads.get(id) ?? '', ctx.qrMode());
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length });
    res.end(image);
    return;
  }
  return notFound(`path ${url.pathname}`);
}
