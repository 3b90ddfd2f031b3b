import { createServer, type ServerResponse, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { err, ok, type Result } from '../../../app/util/result';
import { refuseControl } from '../control-gate';
import { createFaultInjector, serveWithFaults } from '../faults';
import { closeServer, delay, listenOnLoopback, sendJson } from '../http-util';
import type { SimulatedProvider } from '../simulated-provider';
import { createCallbackSender, type OrangepillCallbackRecord } from './orangepill-callbacks';
import { createOrangepillApi, problem } from './orangepill-routes';
import { routeOrangepillControl } from './orangepill-control';
import { createOrangepillStore } from './orangepill-store';

export interface OrangepillSimulatorOptions {
  readonly apiKey: string;
  /** The only destination alias this simulated Orangepill knows; any other is "unknown alias". */
  readonly merchantAlias: string;
  readonly latencyMs?: number;
  readonly now?: () => number;
  /** Hosts a callback may be POSTed to; loopback only unless a test says otherwise. */
  readonly allowedCallbackHosts?: readonly string[];
  /**
   * Off by default: the simulator then answers only what the doc shows. On, it adds what a richer
   * platform might: each related transaction's `amount` and `asset`, `data.received`, list queries on
   * dotted paths (`{"data.order": …}`), and a deleted request that stays readable as CANCELLED (a DELETE
   * of a paid one refused). Only a test about one of these turns it on.
   */
  readonly extensions?: boolean;
  /**
   * When set, every control request must carry it in the `x-simulator-control` header (see
   * control-gate.ts). Demo mode always sets one; a test's own simulator need not.
   */
  readonly controlToken?: string;
}

export interface OrangepillSimulator extends SimulatedProvider {
  /** The simulator's own record, shaped as the doc shows (with log and related); deleted ones as CANCELLED. */
  requests(): readonly OrangepillRequest[];
  /** Whether the API's DELETE was called for this request. */
  isDeleted(providerRef: string): boolean;
  /** How many distinct payment requests were created (a replayed create adds none). */
  createCount(): number;
  /** The callbacks POSTed so far, once each has been answered or has failed. */
  callbacks(): readonly OrangepillCallbackRecord[];
  /** What the Orangepill console does on a refund: a paid request goes to REFUND, then to REFUNDED. */
  refund(providerRef: string): Result<void, string>;
  /** Sets a raw status (any text), as an operator or a test would. */
  setStatus(providerRef: string, status: string, error?: string | null): Result<void, string>;
}

/**
 * The built-in Orangepill: the Apps.Payment API on loopback, with real QR images, idempotent creates
 * and status-change callbacks. Demo controls and tests drive the payer's side.
 */
export async function startOrangepillSimulator(options: OrangepillSimulatorOptions): Promise<OrangepillSimulator> {
  const now = options.now ?? Date.now;
  const faults = createFaultInjector();
  const callbacks = createCallbackSender(options.allowedCallbackHosts ?? ['127.0.0.1', 'localhost']);
  const extensions = options.extensions ?? false;
  const store = createOrangepillStore({
    now,
    extensions,
    owner: randomBytes(12).toString('hex'),
    onChange: (request) => {
      const url = request.data?.callback;
      if (url !== undefined) callbacks.send(url, request.id);
    },
  });
  const api = createOrangepillApi({ apiKey: options.apiKey, merchantAlias: options.merchantAlias, store, extensions });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    await delay(options.latencyMs ?? 0);
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname.startsWith('/__control/')) {
      const refused = refuseControl(req, options.controlToken);
      if (refused !== null) return sendJson(res, refused.status, problem(refused.code, refused.message));
      return routeOrangepillControl({ store, faults }, req, res, url);
    }
    return serveWithFaults(faults, req, res, url.pathname, (out) => api(req, out, url));
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, problem('internal_error', 'simulator fault'));
    });
  });
  const baseUrl = await listenOnLoopback(server);

  const done = (result: Result<unknown, string>): Result<void, string> => (result.ok ? ok(undefined) : result);

  return {
    method: 'orangepill',
    baseUrl,
    apiKey: options.apiKey,
    controlToken: options.controlToken ?? null,
    faults,
    requests: () => store.all(),
    isDeleted: (providerRef) => store.isDeleted(providerRef),
    createCount: () => store.count(),
    callbacks: () => callbacks.records(),
    refund: (providerRef) => done(store.apply(providerRef, 'refund')),
    setStatus: (providerRef, status, error) => done(store.setStatus(providerRef, status, error ?? null)),
    simulate: (providerRef, outcome, failureCode) => {
      if (failureCode !== undefined) return err(`Orangepill has no failure codes; it reports a reason sentence instead of ${failureCode}`);
      return done(store.apply(providerRef, outcome));
    },
    close: async () => {
      await callbacks.close();
      await closeServer(server);
    },
  };
}
