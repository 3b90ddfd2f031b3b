import { createServer, type ServerResponse, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { demoCreateBodySchema, DEMO_FAILURES, type DemoFailureCode, type DemoPayment } from '../../../app/providers/demo/demo-api';
import { closeServer, delay, listenOnLoopback, readBody, sendJson } from '../http-util';
import { createFaultInjector, serveWithFaults } from '../faults';
import { refuseControl } from '../control-gate';
import type { SimulatedProvider } from '../simulated-provider';
import { err, ok } from '../../../app/util/result';

export type DemoSettlement = 'paid' | 'failed' | 'expired';

export interface DemoSimulatorOptions {
  readonly apiKey: string;
  readonly latencyMs?: number;
  readonly now?: () => number;
  /**
   * When set, every control request must carry it in the `x-simulator-control` header (see
   * control-gate.ts). Demo mode always sets one; a test's own simulator need not.
   */
  readonly controlToken?: string;
}

export interface DemoSimulator extends SimulatedProvider {
  /** The simulator's own record, as a test or the demo controls see it. */
  payments(): readonly DemoPayment[];
  /** What the customer does in their wallet: pay, fail, or let it run out. */
  settle(id: string, outcome: DemoSettlement, failureCode?: DemoFailureCode): DemoPayment | null;
}

const problem = (code: string, message: string) => ({ object: 'error', code, message });

/** The simulator's record and what its handlers need to read it. */
interface DemoState {
  readonly options: DemoSimulatorOptions;
  readonly now: () => number;
  readonly payments: Map<string, DemoPayment>;
}

/** Expiry is the simulator's business, honoured lazily whenever a payment is looked at. */
function current(state: DemoState, p: DemoPayment): DemoPayment {
  if (p.status === 'pending' && Date.parse(p.expires_at) <= state.now()) {
    const expired = { ...p, status: 'expired' };
    state.payments.set(p.id, expired);
    return expired;
  }
  return p;
}

function settle(state: DemoState, id: string, outcome: DemoSettlement, failureCode: DemoFailureCode = 'payment_rejected'): DemoPayment | null {
  const found = state.payments.get(id);
  if (found === undefined) return null;
  const p = current(state, found);
  if (p.status !== 'pending') return p;
  const at = new Date(state.now()).toISOString();
  const next: DemoPayment =
    outcome === 'paid'
      ? { ...p, status: 'paid', paid_at: at }
      : outcome === 'failed'
        ? { ...p, status: 'failed', failure_code: failureCode }
        : { ...p, status: 'expired', expires_at: at };
  state.payments.set(id, next);
  return next;
}

async function create(state: DemoState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { payments } = state;
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, problem('bad_request', 'request body too large'));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return sendJson(res, 400, problem('bad_request', 'body is not JSON'));
  }
  const parsed = demoCreateBodySchema.safeParse(json);
  if (!parsed.success) {
    return sendJson(res, 400, problem('bad_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  }
  if ([...payments.values()].some((p) => p.reference === parsed.data.reference)) {
    return sendJson(res, 409, problem('duplicate_reference', `a payment with reference ${parsed.data.reference} exists`));
  }
  const id = `DEMO-${randomBytes(6).toString('hex').toUpperCase()}`;
  const payment: DemoPayment = {
    object: 'demo_payment',
    id,
    reference: parsed.data.reference,
    amount_minor: parsed.data.amount_minor,
    currency: parsed.data.currency,
    description: parsed.data.description,
    status: 'pending',
    failure_code: null,
    // Like an Orangepill request, the QR carries the payment's own reference and nothing else.
    qr_payload: id,
    created_at: new Date(state.now()).toISOString(),
    expires_at: parsed.data.expires_at,
    paid_at: null,
  };
  payments.set(id, payment);
  sendJson(res, 201, payment);
}

async function routeApi(state: DemoState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { payments } = state;
  const control = /^\/control\/payments\/([^/]+)\/(paid|failed|expired)$/.exec(url.pathname);
  if (control && req.method === 'POST') {
    const code = url.searchParams.get('failure_code') ?? 'payment_rejected';
    if (!(code in DEMO_FAILURES)) return sendJson(res, 400, problem('bad_request', `unknown failure_code ${code}`));
    const settled = settle(state, decodeURIComponent(control[1] ?? ''), control[2] as DemoSettlement, code as DemoFailureCode);
    return settled === null ? sendJson(res, 404, problem('not_found', 'no such payment')) : sendJson(res, 200, settled);
  }
  if (req.headers.authorization !== `Bearer ${state.options.apiKey}`) {
    return sendJson(res, 401, problem('authentication_failure', 'authentication failed'));
  }
  if (url.pathname === '/v1/payments' && req.method === 'POST') return create(state, req, res);
  if (url.pathname === '/v1/payments' && req.method === 'GET') {
    const reference = url.searchParams.get('reference');
    const data = [...payments.values()].map((p) => current(state, p)).filter((p) => reference === null || p.reference === reference);
    return sendJson(res, 200, { object: 'list', data });
  }
  const one = /^\/v1\/payments\/([^/]+)(\/cancel)?$/.exec(url.pathname);
  const found = one ? payments.get(decodeURIComponent(one[1] ?? '')) : undefined;
  if (one && found === undefined) return sendJson(res, 404, problem('not_found', 'no such payment'));
  if (one && found !== undefined && req.method === 'GET' && one[2] === undefined) return sendJson(res, 200, current(state, found));
  if (one && found !== undefined && req.method === 'POST' && one[2] === '/cancel') {
    const p = current(state, found);
    if (p.status !== 'pending') return sendJson(res, 200, p);
    const cancelled = { ...p, status: 'cancelled' };
    payments.set(p.id, cancelled);
    return sendJson(res, 200, cancelled);
  }
  sendJson(res, 404, problem('not_found', `no route ${req.method ?? ''} ${url.pathname}`));
}

/**
 * The built-in demo provider: a small HTTP payment API on loopback. The terminal talks to it
 * exactly as to a real provider; the cashier's demo buttons and the tests drive its outcomes.
 */
export async function startDemoSimulator(options: DemoSimulatorOptions): Promise<DemoSimulator> {
  const state: DemoState = { options, now: options.now ?? Date.now, payments: new Map<string, DemoPayment>() };
  const faults = createFaultInjector();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    await delay(options.latencyMs ?? 0);
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname.startsWith('/control/')) {
      const refused = refuseControl(req, options.controlToken);
      if (refused !== null) return sendJson(res, refused.status, problem(refused.code, refused.message));
      return routeApi(state, req, res, url);
    }
    return serveWithFaults(faults, req, res, url.pathname, (out) => routeApi(state, req, out, url));
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => sendJson(res, 500, problem('internal_error', 'simulator fault')));
  });
  const baseUrl = await listenOnLoopback(server);

  return {
    method: 'demo',
    baseUrl,
    apiKey: options.apiKey,
    controlToken: options.controlToken ?? null,
    faults,
    payments: () => [...state.payments.values()].map((p) => current(state, p)),
    settle: (id, outcome, failureCode) => settle(state, id, outcome, failureCode),
    simulate: (providerRef, outcome, failureCode) => {
      if (outcome !== 'paid' && outcome !== 'failed' && outcome !== 'expired') {
        return err(`The demo provider cannot simulate "${outcome}"`);
      }
      if (failureCode !== undefined && !Object.hasOwn(DEMO_FAILURES, failureCode)) {
        return err(`The demo provider has no failure code ${failureCode}`);
      }
      const settled = settle(state, providerRef, outcome, failureCode as DemoFailureCode | undefined);
      return settled === null ? err(`The demo provider has no payment ${providerRef}`) : ok(undefined);
    },
    close: () => closeServer(server),
  };
}
