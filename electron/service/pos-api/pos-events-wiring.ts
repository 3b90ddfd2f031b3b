import { join } from 'node:path';
import type { Clock } from '../../../app/engine/clock';
import type { Checkout } from '../../../app/pos-api/checkout-schemas';
import type { Logger } from '../logging/logger';
import { canSee } from './checkout-actions';
import { NO_EVENTS, type PosEventSink } from './checkout-desk';
import type { CheckoutStore } from './checkout-store';
import { openPosEventDatabase } from './events/event-database';
import { createEventLog, posEventSink, type PosEvent } from './events/event-log';
import { sendJsonError } from './events/json-reply';
import { createSseHandler } from './events/sse-handler';
import type { PosClient, PosKeyStore } from './pos-keys';
import type { PosRouteHandler } from './pos-routes';
import { createWebhookDispatcher, type RetryPolicy } from './webhooks/webhook-dispatcher';
import { createWebhookRouteHandler } from './webhooks/webhook-routes';

export const POS_EVENTS_FILE = 'pos-events.sqlite3';
/** The webhooks' first retry wait, in ms, for a test host only: bounded to [10, 5000] (5000 is the default). */
export const WEBHOOK_RETRY_ENV = 'QR_TERMINAL_POS_WEBHOOK_RETRY_MS';

/** The events module plugged into the POS API: the desk's sink, GET /v1/events and /v1/webhook. */
export interface PosEventsWiring {
  readonly sink: PosEventSink;
  readonly routes: ReadonlyMap<string, PosRouteHandler>;
  /** A key revoked: its streams end and its webhook is removed. */
  revoke(clientId: string): void;
  close(): void;
}

export interface PosEventsOptions {
  readonly dataDir: string | null;
  readonly sqliteBinding?: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly keys: PosKeyStore;
  readonly store: CheckoutStore;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The retry base a test host may lower (never raise): anything else is ignored, with a line in the log. */
export function webhookRetryFromEnv(env: Readonly<Record<string, string | undefined>> | undefined, log: Logger): Partial<RetryPolicy> {
  const raw = env?.[WEBHOOK_RETRY_ENV];
  if (raw === undefined || raw === '') return {};
  const ms = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(ms >= 10 && ms <= 5000)) {
    log.log('warn', `${WEBHOOK_RETRY_ENV} ignored: it must be a whole number of ms from 10 to 5000`, { value: raw.slice(0, 20) });
    return {};
  }
  return { baseDelayMs: ms };
}

/**
 * Who sees an event: the same rule as GET /v1/checkouts/{id}. A key sees its own client's checkouts;
 * a key with the read scope sees every till's. Events of any other type go to read keys only.
 */
export function eventVisibleTo(client: PosClient | null, event: PosEvent, store: Pick<CheckoutStore, 'get'>): boolean {
  if (client === null) return false;
  if (client.scopes.has('read')) return true;
  if (event.type !== 'checkout.updated') return false;
  const data = event.data as Partial<Checkout> | null;
  const record = typeof data?.id === 'string' ? store.get(data.id) : undefined;
  return record !== undefined && canSee(client, record);
}

const scopeMissing: PosRouteHandler = (_req, res) =>
  sendJsonError(res, 403, 'scope_missing', 'This key has no charge or read scope, which is needed to follow checkouts');

/**
 * Opens the event log in the data folder and wires SSE and webhooks to it. If the events file cannot
 * be opened, the API runs without events (the log says why) and both routes answer 503: sales go on.
 */
export function wirePosEvents(options: PosEventsOptions): PosEventsWiring {
  const { log, clock } = options;
  let db: ReturnType<typeof openPosEventDatabase>;
  try {
    db = openPosEventDatabase(options.dataDir === null ? ':memory:' : join(options.dataDir, POS_EVENTS_FILE), options.sqliteBinding);
  } catch (error) {
    log.log('error', 'POS events unavailable', { error: error instanceof Error ? error.message : String(error) });
    return withoutEvents();
  }
  const events = createEventLog(db, { clock });
  const clientById = (id: string): PosClient | null => {
    const view = options.keys.list().find((c) => c.id === id && c.revokedAt === null);
    return view === undefined ? null : { id: view.id, name: view.name, scopes: new Set(view.scopes) };
  };
  const visible = (clientId: string, event: PosEvent): boolean => eventVisibleTo(clientById(clientId), event, options.store);
  const sse = createSseHandler({ log: events, clock, visible, onDrop: (d) => log.log('warn', 'POS event stream closed', { reason: d.reason }) });
  const webhooks = createWebhookDispatcher({
    db,
    log: events,
    clock,
    visible,
    retry: webhookRetryFromEnv(options.env, log),
    onGiveUp: (g) => log.log('warn', 'POS webhook event given up', { eventId: g.eventId, reason: g.reason }),
  });
  webhooks.start();
  const webhookRoutes = createWebhookRouteHandler(webhooks);
  const follows = (client: PosClient): boolean => client.scopes.has('charge') || client.scopes.has('read');
  const routes = new Map<string, PosRouteHandler>([
    [
      '/v1/events',
      (req, res, { client }) => {
        if (!follows(client)) return scopeMissing(req, res, { client, url: new URL('http://terminal') });
        // A stream lasts for hours: the server's idle timeout does not apply; heartbeat and stall checks bound it.
        req.socket.setTimeout(0);
        sse.handle(req, res, { id: client.id });
      },
    ],
    ['/v1/webhook', (req, res, context) => (follows(context.client) ? webhookRoutes(req, res, { id: context.client.id }) : scopeMissing(req, res, context))],
  ]);
  return {
    sink: posEventSink<Checkout>(events, (error) => log.log('error', 'POS event not recorded', { error: error.message })),
    routes,
    revoke(clientId) {
      sse.close(clientId);
      try {
        webhooks.unregister(clientId);
      } catch (error) {
        log.log('error', 'POS webhook not removed for a revoked key', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    close() {
      sse.close();
      webhooks.stop();
      db.close();
    },
  };
}

function withoutEvents(): PosEventsWiring {
  const unavailable: PosRouteHandler = (_req, res) =>
    sendJsonError(res, 503, 'events_unavailable', 'The terminal cannot open its events file (its log says why): read checkouts with GET /v1/checkouts meanwhile.', {
      'Retry-After': '60',
    });
  return {
    sink: NO_EVENTS,
    routes: new Map([
      ['/v1/events', unavailable],
      ['/v1/webhook', unavailable],
    ]),
    revoke: () => undefined,
    close: () => undefined,
  };
}
