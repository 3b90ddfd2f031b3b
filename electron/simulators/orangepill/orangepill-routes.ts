import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { orangepillCreateBodySchema, type OrangepillCreateBody, type OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { asCurrency, wireAmountToMinor } from '../../../app/providers/orangepill/orangepill-body';
import { base64ToBytes } from '../../../app/util/base64';
import { decodeQrImage } from '../../shared/images/qr-image-decoder';
import { readBody, sendJson } from '../http-util';
import type { OrangepillStore } from './orangepill-store';

export const problem = (code: string, message: string) => ({ code, message });

const MIN_QR_WIDTH = 32;
const MAX_QR_WIDTH = 2000;

/** JSON with object keys sorted, so two bodies that mean the same compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The field a list `query` key names. The doc's one example filters on a top-level field
 * (`query={"status":"DONE"}`), so by default a key is a top-level field name and "data.order" names
 * nothing; with the extensions a dotted path reaches into nested objects.
 */
function valueAt(record: unknown, path: string, dotted: boolean): unknown {
  let value = record;
  for (const key of dotted ? path.split('.') : [path]) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const parseJsonText = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

export interface OrangepillApiOptions {
  readonly apiKey: string;
  readonly merchantAlias: string;
  readonly store: OrangepillStore;
  /** Behaviours beyond the doc (dotted list queries); see OrangepillSimulatorOptions.extensions. */
  readonly extensions: boolean;
}

/** What an idempotency key was first used for, and the answer it got; a repeat replays that answer. */
interface Replay {
  readonly fingerprint: string;
  readonly status: number;
  readonly text: string;
}

/** What a create needs: the API's options and the answers given so far, by idempotency key. */
interface CreateContext {
  readonly options: OrangepillApiOptions;
  readonly replays: Map<string, Replay>;
}

/** Why a create body that parsed is still refused, as its status and error object; null when it is accepted. */
function createRefusal(body: OrangepillCreateBody, merchantAlias: string): readonly [number, ReturnType<typeof problem>] | null {
  if (body.destination.alias !== merchantAlias) {
    return [422, problem('alias_not_found', `destination alias ${body.destination.alias} does not exist`)];
  }
  // Stands in for a payer Orangepill does not know, so the terminal's message for it can be tested.
  if (body.source !== undefined && /^@unknown/i.test(body.source.alias)) {
    return [422, problem('alias_not_found', `source alias ${body.source.alias} does not exist`)];
  }
  if ((body.amount === undefined) !== (body.asset === undefined)) {
    return [400, problem('bad_request', 'amount and asset go together: give both or neither')];
  }
  if (body.asset !== undefined && asCurrency(body.asset) === null) {
    return [422, problem('unknown_asset', `asset ${body.asset} is not supported`)];
  }
  if (body.amount !== undefined && body.asset !== undefined && wireAmountToMinor(body.amount, body.asset) === null) {
    return [422, problem('bad_amount', `amount ${String(body.amount)} has more decimals than ${body.asset} allows`)];
  }
  return null;
}

async function create(ctx: CreateContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { replays } = ctx;
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
    return sendJson(res, 400, problem('bad_request', 'an idempotency-key header is required'));
  }
  const text = await readBody(req);
  if (text === null) return sendJson(res, 413, problem('bad_request', 'request body too large'));
  const json = parseJsonText(text);
  if (!json.ok) return sendJson(res, 400, problem('bad_request', 'body is not JSON'));
  const fingerprint = canonical(json.value);
  const earlier = replays.get(key);
  if (earlier !== undefined) {
    if (earlier.fingerprint !== fingerprint) {
      return sendJson(res, 422, problem('idempotency_conflict', 'this idempotency-key was already used with a different request body'));
    }
    res.writeHead(earlier.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(earlier.text), 'idempotent-replayed': 'true' });
    return void res.end(earlier.text);
  }
  const parsed = orangepillCreateBodySchema.safeParse(json.value);
  if (!parsed.success) {
    return sendJson(res, 400, problem('bad_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  }
  const refusal = createRefusal(parsed.data, ctx.options.merchantAlias);
  if (refusal !== null) return sendJson(res, refusal[0], refusal[1]);
  const created = ctx.options.store.create(parsed.data);
  const answer = JSON.stringify(created);
  replays.set(key, { fingerprint, status: 201, text: answer });
  res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
  res.end(answer);
}

function list(options: OrangepillApiOptions, res: ServerResponse, url: URL): void {
  const raw = url.searchParams.get('query');
  let query: Record<string, unknown> = {};
  if (raw !== null) {
    const json = parseJsonText(raw);
    if (!json.ok || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
      return sendJson(res, 400, problem('bad_request', 'query must be a JSON object, e.g. {"status":"DONE"}'));
    }
    query = json.value as Record<string, unknown>;
  }
  const matches = (r: OrangepillRequest) =>
    Object.entries(query).every(([path, want]) => canonical(valueAt(r, path, options.extensions)) === canonical(want));
  sendJson(res, 200, options.store.listed().filter(matches));
}

async function qr(res: ServerResponse, request: OrangepillRequest, format: string, widthText: string): Promise<void> {
  const width = Number(widthText);
  if (!/^\d+$/.test(widthText) || width < MIN_QR_WIDTH || width > MAX_QR_WIDTH) {
    return sendJson(res, 400, problem('bad_request', `width must be a whole number from ${MIN_QR_WIDTH} to ${MAX_QR_WIDTH}`));
  }
  const png = await QRCode.toBuffer(request.id, { type: 'png', width, margin: 4, errorCorrectionLevel: 'M' });
  if (format === 'base64') return sendJson(res, 200, png.toString('base64'));
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
  res.end(png);
}

async function reveal(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  const json = text === null ? null : parseJsonText(text);
  const value = json?.ok === true ? json.value : null;
  const base64 = typeof value === 'object' && value !== null && 'base64' in value ? value.base64 : undefined;
  if (typeof base64 !== 'string') return sendJson(res, 400, problem('bad_request', 'body must be {"base64": "<PNG as base64>"}'));
  const bytes = base64ToBytes(base64.replace(/^data:image\/png;base64,/, ''));
  if (bytes === null || bytes.length === 0) return sendJson(res, 400, problem('bad_request', 'base64 is not valid base64'));
  const code = await decodeQrImage(bytes, 'image/png');
  if (code === null) return sendJson(res, 400, problem('no_qr_code', 'no QR code found in the image'));
  sendJson(res, 200, code);
}

/** The Apps.Payment REST API, as the doc describes it, over the simulator's store. */
export function createOrangepillApi(options: OrangepillApiOptions) {
  const { store } = options;
  const ctx: CreateContext = { options, replays: new Map<string, Replay>() };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.headers['x-api-key'] !== options.apiKey) {
      return sendJson(res, 401, problem('unauthorized', 'invalid API key'));
    }
    const path = url.pathname;
    if (path === '/v1/apps/payment' && req.method === 'POST') return create(ctx, req, res);
    if (path === '/v1/apps/payment' && req.method === 'GET') return list(options, res, url);
    if (path === '/v1/apps/payment/qr/reveal' && req.method === 'POST') return reveal(req, res);
    const one = /^\/v1\/apps\/payment\/([^/]+)(?:\/qr\/(png|base64)\/([^/]+))?$/.exec(path);
    const id = one === null ? '' : decodeURIComponent(one[1] ?? '');
    const found = one === null ? undefined : store.get(id);
    if (one !== null && found === undefined) return sendJson(res, 404, problem('not_found', `payment request ${id} not found`));
    if (one !== null && found !== undefined && req.method === 'GET') {
      return one[2] === undefined ? sendJson(res, 200, found) : qr(res, found, one[2], one[3] ?? '');
    }
    if (one !== null && found !== undefined && req.method === 'DELETE' && one[2] === undefined) {
      // The doc: "In response we get id of deleted Payment Request object." A later GET of it is not
      // defined there, so by default it answers 404, as a real server may (see OrangepillStore.remove).
      const removed = store.remove(id);
      return removed.ok ? sendJson(res, 200, removed.value) : sendJson(res, 409, problem('conflict', removed.error));
    }
    sendJson(res, 404, problem('not_found', `no route ${req.method ?? ''} ${path}`));
  };
}
