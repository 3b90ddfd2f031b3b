import type { PosListenSaid } from '../../../app/i18n/said/settings';
import type { ApiResult, EventPayloads } from '../../../app/ipc/contract';
import { posOpenApi } from '../../../app/pos-api/openapi';
import type { PosKeyResults } from '../../../app/pos-api/pos-client-schemas';
import type { PosOffer } from '../../../app/pos-api/pos-offer';
import type { MethodId } from '../../../app/payment/method';
import type { PosOutcome } from './pos-errors';
import type { Settings } from '../../../app/settings/settings';
import { createRateLimiter } from '../../shared/http/rate-limit';
import type { Logger } from '../logging/logger';
import type { EventListener } from '../terminal/terminal-api';
import { checkoutActions } from './checkout-actions';
import { createCheckoutDesk, type DeskCounter, type PosEventSink } from './checkout-desk';
import { openCheckoutStore, posApiDbPath } from './checkout-store';
import { openPosKeyStore, posClientsPath, type PosKeyStore } from './pos-keys';
import { handlePosRequest, type PosRouteHandler } from './pos-routes';
import { DEFAULT_POS_LIMITS, type PosLimits, type PosTls } from './pos-server';
import { posListener } from './pos-listener';
import type { PosApiStatus } from '../../../app/pos-api/pos-api-status';
import { wirePosEvents } from './pos-events-wiring';
import type { Clock } from '../../../app/engine/clock';

export type { PosEventSink } from './checkout-desk';
export type { PosRouteHandler } from './pos-routes';
export type { PosTls } from './pos-server';

export interface PosApiOptions {
  /** Where pos-clients.json and pos-api.sqlite3 live; in memory without it. */
  readonly dataDir: string | null;
  readonly sqliteBinding?: string;
  readonly log: Logger;
  readonly now: () => number;
  /** For the events' heartbeats and webhook retries; `now` with real timers without it. */
  readonly clock?: Clock;
  /** The environment, for a test host's webhook retry base (QR_TERMINAL_POS_WEBHOOK_RETRY_MS). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The counter in force (it is replaced when settings are saved). */
  readonly counter: () => DeskCounter;
  readonly settings: () => Settings;
  /** The terminal's event bus: each change of the sale on the counter. */
  readonly subscribe: (listener: EventListener) => () => void;
  /** Tells the screens of a till's request waiting for the cashier's choice of method. */
  readonly announceOffer?: (offer: PosOffer | null) => void;
  /** Where each checkout change goes instead of the events log (tests). */
  readonly sink?: PosEventSink;
  /** More routes under the same keys and limits, over the built-in /v1/events and /v1/webhook (tests). */
  readonly extraRoutes?: ReadonlyMap<string, PosRouteHandler>;
  /** A certificate for the LAN listener instead of the terminal's own (kept in dataDir, made on first need). */
  readonly tls?: PosTls;
  readonly limits?: Partial<PosLimits>;
}

export interface PosApiService {
  /** Where it listens now, or null when it is off. */
  readonly url: string | null;
  readonly keys: PosKeyStore;
  /** Why it is not listening though enabled (a port taken, an unusable certificate for 'lan'), or null. */
  readonly problem: string | null;
  /** The same as a `Said`, for the settings screen's language. */
  problemSaid(): PosListenSaid | null;
  /** Follows the settings in force: starts, stops or moves the listener. */
  apply(settings: Settings['posApi']): Promise<void>;
  readonly commands: {
    readonly listPosClients: () => Promise<ApiResult<PosKeyResults['listPosClients']>>;
    readonly createPosClient: (args: { readonly name: string; readonly scopes: readonly ('charge' | 'refund' | 'read')[] }) => Promise<ApiResult<PosKeyResults['createPosClient']>>;
    readonly revokePosClient: (args: { readonly clientId: string }) => Promise<ApiResult<PosKeyResults['revokePosClient']>>;
    readonly takePosOffer: (args: { readonly checkoutId: string; readonly method: MethodId }) => Promise<ApiResult<null>>;
    readonly declinePosOffer: (args: { readonly checkoutId: string }) => ApiResult<null>;
    /** Where it listens, or why not, and the LAN certificate's fingerprint and pin (never its key). */
    readonly getPosApiStatus: () => Promise<ApiResult<PosApiStatus>>;
    /** A new LAN certificate, in use at once: every till must pin it again. */
    readonly newPosCertificate: () => Promise<ApiResult<PosApiStatus>>;
  };
  /** The till's request waiting for the cashier's choice of method, or null. */
  offer(): PosOffer | null;
  close(): Promise<void>;
}

/** The POS integration API beside the terminal: its keys, its checkouts and its listener, outliving counter restarts. */
export async function startPosApi(options: PosApiOptions): Promise<PosApiService> {
  const limits: PosLimits = { ...DEFAULT_POS_LIMITS, ...options.limits };
  const keys = openPosKeyStore({ file: options.dataDir === null ? null : posClientsPath(options.dataDir), now: options.now });
  if (keys.problem !== null) options.log.log('error', 'POS keys unreadable', { error: keys.problem });
  const store = openCheckoutStore(options.dataDir === null ? null : posApiDbPath(options.dataDir), options.sqliteBinding);
  const events = wirePosEvents({ dataDir: options.dataDir, ...(options.sqliteBinding === undefined ? {} : { sqliteBinding: options.sqliteBinding }), clock: options.clock ?? { now: options.now, setTimer: realTimer }, log: options.log, keys, store, ...(options.env === undefined ? {} : { env: options.env }) });
  const deps = {
    store,
    counter: options.counter,
    locale: () => options.settings().locale,
    sink: options.sink ?? events.sink,
    now: options.now,
    log: options.log,
    ...(options.announceOffer === undefined ? {} : { announceOffer: options.announceOffer }),
  };
  const desk = createCheckoutDesk(deps);
  const actions = checkoutActions({ ...deps, desk, allowRefunds: () => options.settings().posApi.allowRefunds });
  // The sale on the counter, and the parked ones followed in the background: a till's checkout follows either.
  const unsubscribe = options.subscribe((event, payload) => {
    if (event === 'parked') {
      const { open, settled } = payload as EventPayloads['parked'];
      for (const payment of [...open, ...settled]) desk.paymentChanged(payment);
    }
    if (event !== 'payment') return;
    const { payment } = payload as EventPayloads['payment'];
    if (payment === null) desk.pump();
    else desk.paymentChanged(payment);
  });
  const openapi = posOpenApi();
  const context = {
    keys,
    desk,
    actions,
    sourceLimiter: createRateLimiter({ ratePerSecond: limits.sourceRatePerSecond, burst: limits.sourceBurst, maxSources: 4096, now: options.now }),
    clientLimiter: createRateLimiter({ ratePerSecond: limits.ratePerSecond, burst: limits.burst, maxSources: 256, now: options.now }),
    maxBodyBytes: limits.maxBodyBytes,
    openapi: () => openapi,
    extraRoutes: new Map<string, PosRouteHandler>([...events.routes, ...(options.extraRoutes ?? [])]),
    log: options.log,
  };
  const listener = posListener(options, limits, (req, res, expectsContinue) => handlePosRequest(context, req, res, expectsContinue));
  await listener.apply(options.settings().posApi);
  // Requests queued before a restart wait their turn again.
  desk.pump();

  return {
    get url() {
      return listener.url();
    },
    get problem() {
      return listener.problem();
    },
    problemSaid: listener.problemSaid,
    keys,
    apply: listener.apply,
    commands: {
      listPosClients: () => Promise.resolve({ ok: true, value: keys.list() }),
      createPosClient: (args) => {
        const made = keys.create(args.name, args.scopes);
        return Promise.resolve(made.ok ? made : { ok: false, error: { code: 'invalid_state', message: made.error } });
      },
      takePosOffer: async (args) => toApiResult(await desk.take(args.checkoutId, args.method)),
      declinePosOffer: (args) => toApiResult(desk.decline(args.checkoutId)),
      getPosApiStatus: async () => ({ ok: true, value: await listener.status() }),
      newPosCertificate: async () => {
        const made = await listener.regenerate();
        return made.ok ? made : { ok: false, error: { code: 'invalid_state', message: made.problem } };
      },
      revokePosClient: (args) => {
        const revoked = keys.revoke(args.clientId);
        if (revoked.ok) events.revoke(args.clientId);
        return Promise.resolve(revoked.ok ? revoked : { ok: false, error: { code: 'not_found', message: revoked.error } });
      },
    },
    offer: desk.offer,
    close: async () => {
      unsubscribe();
      await listener.close();
      events.close();
      store.close();
    },
  };
}

function realTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}

/** A desk's answer as the cashier's command gives it: done, or the refusal's sentence. */
function toApiResult(outcome: PosOutcome<unknown>): ApiResult<null> {
  if (outcome.ok) return { ok: true, value: null };
  const { code, message } = outcome.error;
  return { ok: false, error: { code: code === 'amount_rejected' ? 'amount_rejected' : code === 'not_offered' ? 'not_found' : 'invalid_state', message } };
}
