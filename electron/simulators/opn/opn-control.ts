import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Result } from '../../../app/util/result';
import { faultRuleSchema, type FaultRule } from '../faults';
import { sendJson } from '../http-util';
import { opnAccountSchema, type OpnAccount } from './opn-capability';
import type { OpnCharge } from './opn-charge';
import type { OpnSettlement } from './opn-ledger';
import { OPN_QR_IMAGE_MODES, type OpnQrImageMode } from './opn-qr-image';
import { FAILURE_CODE_PATTERN } from './opn-sim-methods';

export interface ControlContext {
  readonly settle: (id: string, outcome: OpnSettlement, failureCode?: string) => Result<OpnCharge, string>;
  readonly advanceTime: (ms: number) => void;
  readonly addFault: (rule: FaultRule) => void;
  readonly setQrImage: (mode: OpnQrImageMode) => void;
  readonly setWebhookUrl: (url: string | null) => void;
  /** Whether the simulator would POST a webhook to this URL (loopback only unless a test widened it). */
  readonly webhookAllowed: (url: string) => boolean;
  readonly setAccount: (account: OpnAccount) => void;
}

const timeSchema = z.strictObject({ advanceMs: z.number().int().min(0).max(400 * 24 * 60 * 60 * 1000) });
const qrImageSchema = z.strictObject({ mode: z.enum(OPN_QR_IMAGE_MODES) });
const webhookSchema = z.strictObject({ url: z.url({ protocol: /^https?$/ }).nullable() });

const bad = (res: ServerResponse, message: string) => sendJson(res, 400, { object: 'error', code: 'bad_request', message });

function parse<S extends z.ZodType>(schema: S, body: string): z.infer<S> | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'body is not JSON';
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/**
 * Test and demo controls under /__control/, standing in for the customer's wallet app, the merchant's
 * dashboard, and Opn's clock and network. Never part of Opn's API; control-gate.ts has let the request
 * in first (loopback Host, no web page, and the control token when the simulator has one).
 */
export function routeOpnControl(req: IncomingMessage, res: ServerResponse, url: URL, body: string, ctx: ControlContext): void {
  if (req.method !== 'POST') return void sendJson(res, 405, { object: 'error', code: 'bad_request', message: 'controls take POST' });
  const settle = /^\/__control\/charges\/([^/]+)\/(paid|failed|expired)$/.exec(url.pathname);
  if (settle !== null) {
    const code = url.searchParams.get('failure_code') ?? undefined;
    // Any code Opn might send, known or not; only one that cannot be a code at all is refused.
    if (code !== undefined && !FAILURE_CODE_PATTERN.test(code)) return bad(res, 'failure_code must be lower-case letters, digits and _ (at most 64)');
    const settled = ctx.settle(decodeURIComponent(settle[1] ?? ''), settle[2] as OpnSettlement, code);
    return settled.ok ? sendJson(res, 200, settled.value) : sendJson(res, 409, { object: 'error', code: 'bad_request', message: settled.error });
  }
  if (url.pathname === '/__control/time') {
    const parsed = parse(timeSchema, body);
    if (typeof parsed === 'string') return bad(res, parsed);
    ctx.advanceTime(parsed.advanceMs);
    return sendJson(res, 200, { advancedMs: parsed.advanceMs });
  }
  if (url.pathname === '/__control/faults') {
    const parsed = parse(faultRuleSchema, body);
    if (typeof parsed === 'string') return bad(res, parsed);
    const { fault, method, pathPrefix } = parsed;
    ctx.addFault({ fault, ...(method === undefined ? {} : { method }), ...(pathPrefix === undefined ? {} : { pathPrefix }) });
    return sendJson(res, 200, { added: parsed });
  }
  if (url.pathname === '/__control/qr-image') {
    const parsed = parse(qrImageSchema, body);
    if (typeof parsed === 'string') return bad(res, parsed);
    ctx.setQrImage(parsed.mode);
    return sendJson(res, 200, parsed);
  }
  if (url.pathname === '/__control/webhook') {
    // The dashboard's webhook endpoint: refused here unless deliveries could go there (loopback hosts).
    const parsed = parse(webhookSchema, body);
    if (typeof parsed === 'string') return bad(res, parsed);
    if (parsed.url !== null && !ctx.webhookAllowed(parsed.url)) return bad(res, 'url: the simulator sends webhooks only to an allowed (loopback) host');
    ctx.setWebhookUrl(parsed.url);
    return sendJson(res, 200, parsed);
  }
  if (url.pathname === '/__control/capability') {
    // What the account has enabled, as GET /capability will report it from now on.
    const parsed = parse(opnAccountSchema, body);
    if (typeof parsed === 'string') return bad(res, parsed);
    ctx.setAccount(parsed);
    return sendJson(res, 200, parsed);
  }
  sendJson(res, 404, { object: 'error', code: 'not_found', message: `no control ${url.pathname.slice(0, 200)}` });
}
