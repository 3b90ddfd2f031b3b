import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultRuleSchema, type FaultInjector } from '../faults';
import { readBody, sendJson } from '../http-util';
import { problem } from './orangepill-routes';
import { ORANGEPILL_SIM_OUTCOMES, type OrangepillSimOutcome, type OrangepillStore } from './orangepill-store';

/** What the controls act on: the payment requests (as payer or console) and the faults the API takes. */
export interface OrangepillControlContext {
  readonly store: OrangepillStore;
  readonly faults: FaultInjector;
}

const rawStatusSchema = z.strictObject({ status: z.string().min(1).max(40), error: z.string().max(200).nullable().optional() });

const isOutcome = (text: string): text is OrangepillSimOutcome => (ORANGEPILL_SIM_OUTCOMES as readonly string[]).includes(text);

/**
 * Demo and test controls: no API key, never faulted, as they stand for the payer and the console.
 * control-gate.ts has let the request in first (loopback Host, no web page, the control token if any).
 */
export async function routeOrangepillControl(ctx: OrangepillControlContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { store, faults } = ctx;
  if (url.pathname === '/__control/requests' && req.method === 'GET') return sendJson(res, 200, store.all());
  if (url.pathname === '/__control/faults' && req.method === 'DELETE') {
    faults.clear();
    return sendJson(res, 200, { cleared: true });
  }
  const text = req.method === 'POST' ? await readBody(req) : null;
  const json = text === null ? undefined : parseOrUndefined(text);
  if (url.pathname === '/__control/faults' && req.method === 'POST') {
    const rule = faultRuleSchema.safeParse(json);
    if (!rule.success) return sendJson(res, 400, problem('bad_request', 'body must be a fault rule'));
    const { fault, method, pathPrefix } = rule.data;
    faults.add({ fault, ...(method === undefined ? {} : { method }), ...(pathPrefix === undefined ? {} : { pathPrefix }) });
    return sendJson(res, 200, { added: true });
  }
  const step = /^\/__control\/requests\/([^/]+)\/([a-z]+)$/.exec(url.pathname);
  if (step === null || req.method !== 'POST') return sendJson(res, 404, problem('not_found', `no control ${req.method ?? ''} ${url.pathname}`));
  const id = decodeURIComponent(step[1] ?? '');
  const action = step[2] ?? '';
  if (action === 'status') {
    const raw = rawStatusSchema.safeParse(json);
    if (!raw.success) return sendJson(res, 400, problem('bad_request', 'body must be {"status": "DONE", "error"?: "…"}'));
    const set = store.setStatus(id, raw.data.status, raw.data.error ?? null);
    return set.ok ? sendJson(res, 200, set.value) : sendJson(res, 404, problem('not_found', set.error));
  }
  if (!isOutcome(action)) return sendJson(res, 404, problem('not_found', `no control ${action}`));
  if (store.get(id) === undefined) return sendJson(res, 404, problem('not_found', `payment request ${id} not found`));
  const applied = store.apply(id, action);
  return applied.ok ? sendJson(res, 200, applied.value) : sendJson(res, 409, problem('conflict', applied.error));
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
