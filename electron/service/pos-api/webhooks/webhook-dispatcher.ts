import type Database from 'better-sqlite3';
import type { Clock } from '../../../../app/engine/clock';
import type { EventLog, PosEvent } from '../events/event-log';
import { postWebhook, type PostOutcome, type WebhookDelivery } from './webhook-post';
import { createWebhookStore, type WebhookEndpoint, type WebhookStore } from './webhook-store';
import { checkWebhookUrl } from './webhook-url';

export interface RetryPolicy {
  /** Tries of one event before it is given up and the next one is sent. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A try with no 2xx by then has failed. */
  readonly timeoutMs: number;
}

/** 8 tries over about 10 minutes, then the next event: a till down longer re-reads with GET. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000, timeoutMs: 10_000 };

export type RegisterResult =
  | { readonly ok: true; readonly secret: string; readonly endpoint: WebhookEndpoint }
  | { readonly ok: false; readonly code: 'invalid_webhook_url'; readonly message: string };

export interface WebhookDispatcher {
  /** Registers (or replaces) a client's URL; the secret is in this answer only. Events from now on. */
  register(clientId: string, url: string): RegisterResult;
  unregister(clientId: string): boolean;
  /** For settings and tests: URL, cursor, attempts, last error; never the secret. */
  endpoint(clientId: string): WebhookEndpoint | null;
  /** Resumes every endpoint's queue (after a restart too) and follows the log. */
  start(): void;
  stop(): void;
}

export interface WebhookDispatcherOptions {
  readonly db: Database.Database;
  readonly log: EventLog;
  readonly clock: Clock;
  readonly retry?: Partial<RetryPolicy>;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
  readonly post?: (delivery: WebhookDelivery, options: { clock: Clock; timeoutMs: number }) => Promise<PostOutcome>;
  /** An event given up after maxAttempts, for the log: which client, which event, the last reason. */
  readonly onGiveUp?: (info: { readonly clientId: string; readonly eventId: string; readonly reason: string }) => void;
  /** Whether this client may see this event (its own checkouts, or all with the read scope); all without it. */
  readonly visible?: (clientId: string, event: PosEvent) => boolean;
}

/** Events read at once when looking past ones the client may not see. */
const SCAN_PAGE = 200;

/** Exponential, capped, with "equal jitter": half fixed, half random, so tills that failed together spread out. */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * The next event for this endpoint, or null when it is up to date; 'passed-over' when a page held
 * only events it may not see: the cursor is moved past them, and the caller scans on. Events that retention
 * removed before they could be delivered become one `sync.required` event, as on the SSE stream.
 */
function nextEvent(
  deps: { readonly log: EventLog; readonly store: WebhookStore; readonly now: number; readonly visible: (event: PosEvent) => boolean },
  endpoint: WebhookEndpoint,
): { event: PosEvent; cursor: number } | 'passed-over' | null {
  const { log, now, visible } = deps;
  const result = log.since(endpoint.cursor, SCAN_PAGE);
  if (result.kind === 'events') {
    const event = result.events.find(visible);
    if (event !== undefined) return { event, cursor: Number(event.id) };
    const last = result.events.at(-1);
    if (last === undefined) return null;
    deps.store.advance(endpoint.clientId, Number(last.id), endpoint.lastError);
    return 'passed-over';
  }
  const to = result.reason === 'unknown' || result.oldestId === null ? Number(result.latestId) : Number(result.oldestId) - 1;
  const message = 'Events for you were no longer kept when they could be delivered: re-read your checkouts with GET /v1/checkouts.';
  const data = { reason: result.reason, oldestId: result.oldestId, latestId: result.latestId, message };
  return { event: { id: String(to), type: 'sync.required', created: new Date(now).toISOString(), data }, cursor: to };
}

/** Records how a try ended: on to the next event, or a retry at a backed-off time, or given up. */
function settle(
  deps: { readonly store: WebhookStore; readonly policy: RetryPolicy; readonly random: () => number; readonly now: number; readonly onGiveUp: WebhookDispatcherOptions['onGiveUp'] },
  endpoint: WebhookEndpoint,
  next: { event: PosEvent; cursor: number },
  outcome: PostOutcome,
): void {
  const { store, policy } = deps;
  if (outcome.ok) return store.advance(endpoint.clientId, next.cursor, null);
  const attempts = endpoint.attempts + 1;
  if (attempts >= policy.maxAttempts) {
    store.advance(endpoint.clientId, next.cursor, `Gave up on event ${next.event.id} after ${attempts} tries: ${outcome.reason}.`);
    deps.onGiveUp?.({ clientId: endpoint.clientId, eventId: next.event.id, reason: outcome.reason });
    return;
  }
  store.failed(endpoint.clientId, attempts, deps.now + backoffMs(attempts, policy, deps.random), `Try ${attempts} of event ${next.event.id} failed: ${outcome.reason}.`);
}

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { log, clock } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const store = createWebhookStore(options.db);
  const busy = new Set<string>();
  /** Bumped on every register and unregister: a try that ends after either is not recorded. */
  const generation = new Map<string, number>();
  const timers = new Map<string, () => void>();
  const bump = (clientId: string): void => {
    generation.set(clientId, (generation.get(clientId) ?? 0) + 1);
    timers.get(clientId)?.();
    timers.delete(clientId);
  };
  let running = false;
  let unsubscribe = (): void => undefined;

  const schedule = (clientId: string, at: number): void => {
    timers.get(clientId)?.();
    const fire = (): void => {
      timers.delete(clientId);
      safeKick(clientId);
    };
    timers.set(clientId, clock.setTimer(fire, Math.max(0, at - clock.now())));
  };

  /**
   * The events file can refuse a read or write (disk full, read-only, closed at shutdown): the cursor
   * then has not moved, so the event is sent again later. Nothing is lost, and nothing reaches a
   * timer or promise callback as an uncaught error.
   */
  function safeKick(clientId: string, before: () => void = () => undefined): void {
    try {
      before();
      kick(clientId);
    } catch {
      if (running) schedule(clientId, clock.now() + policy.maxDelayMs);
    }
  }

  function kick(clientId: string): void {
    if (!running || busy.has(clientId) || timers.has(clientId)) return;
    const endpoint = store.get(clientId);
    if (endpoint === null) return;
    if (endpoint.nextAt > clock.now()) return schedule(clientId, endpoint.nextAt);
    const next = nextEvent({ log, store, now: clock.now(), visible: (event) => options.visible?.(clientId, event) ?? true }, endpoint);
    // Only other tills' events so far: the scan goes on from past them, on the next turn.
    if (next === 'passed-over') return schedule(clientId, clock.now());
    const secret = store.secretOf(clientId);
    if (next === null || secret === null) return;
    busy.add(clientId);
    const started = generation.get(clientId);
    const delivery = { url: endpoint.url, secret, eventId: next.event.id, body: JSON.stringify(next.event) };
    void (options.post ?? postWebhook)(delivery, { clock, timeoutMs: policy.timeoutMs })
      .catch((error: unknown): PostOutcome => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }))
      .then((outcome) => {
        busy.delete(clientId);
        safeKick(clientId, () => {
          if (running && generation.get(clientId) === started) settle({ store, policy, random: options.random ?? Math.random, now: clock.now(), onGiveUp: options.onGiveUp }, endpoint, next, outcome);
        });
      });
  }

  return {
    register(clientId, url) {
      const checked = checkWebhookUrl(url);
      if (!checked.ok) return { ok: false, code: 'invalid_webhook_url', message: checked.message };
      bump(clientId);
      return { ok: true, ...store.register(clientId, checked.url.href, log.latestId(), clock.now()) };
    },
    unregister(clientId) {
      bump(clientId);
      return store.remove(clientId);
    },
    endpoint: (clientId) => store.get(clientId),
    start() {
      if (running) return;
      running = true;
      unsubscribe = log.subscribe(() => {
        for (const endpoint of store.all()) kick(endpoint.clientId);
      });
      for (const endpoint of store.all()) kick(endpoint.clientId);
    },
    stop() {
      running = false;
      unsubscribe();
      for (const cancel of timers.values()) cancel();
      timers.clear();
    },
  };
}
