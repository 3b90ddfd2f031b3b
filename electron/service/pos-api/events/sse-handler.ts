import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../../app/engine/clock';
import { parseLastEventId } from './event-id';
import type { EventLog, PosEvent } from './event-log';
import { sendJsonError } from './json-reply';
import { openSseStream, type SseStream, type SseStreamLimits } from './sse-stream';

export interface SseLimits extends SseStreamLimits {
  /** Open streams at most, all clients together; one more is refused with 503. */
  readonly maxStreams: number;
  /** Open streams at most per POS client; one more is refused with 429. */
  readonly maxStreamsPerClient: number;
}

export const DEFAULT_SSE_LIMITS: SseLimits = {
  maxStreams: 64,
  maxStreamsPerClient: 4,
  heartbeatMs: 15_000,
  highWaterBytes: 256 * 1024,
  stallMs: 60_000,
  pageSize: 200,
  retryMs: 3_000,
};

export interface SseHandler {
  /** GET /v1/events, for a POS client the core has already authenticated. */
  readonly handle: (req: IncomingMessage, res: ServerResponse, client: { readonly id: string }) => void;
  readonly streamCount: (clientId?: string) => number;
  /** Ends one client's streams (its key revoked), or with no id every stream and the handler (shutdown). */
  readonly close: (clientId?: string) => void;
}

export interface SseHandlerOptions {
  readonly log: EventLog;
  readonly clock: Clock;
  readonly limits?: Partial<SseLimits>;
  /** A stream closed by the terminal (a POS that stopped reading), with the reason: for the log. */
  readonly onDrop?: (drop: { readonly clientId: string; readonly reason: string }) => void;
  /** Whether this client may see this event (its own checkouts, or all with the read scope); all without it. */
  readonly visible?: (clientId: string, event: PosEvent) => boolean;
}

export function createSseHandler(options: SseHandlerOptions): SseHandler {
  const limits: SseLimits = { ...DEFAULT_SSE_LIMITS, ...options.limits };
  const streams = new Set<SseStream>();
  const count = (clientId?: string): number => (clientId === undefined ? streams.size : [...streams].filter((s) => s.clientId === clientId).length);
  let shutDown = false;
  const unsubscribe = options.log.subscribe(() => {
    for (const stream of streams) stream.wake();
  });

  const onClose = (stream: SseStream, reason: string | null): void => {
    streams.delete(stream);
    if (reason !== null) options.onDrop?.({ clientId: stream.clientId, reason });
  };

  const handle: SseHandler['handle'] = (req, res, client) => {
    if (req.method !== 'GET') {
      sendJsonError(res, 405, 'method_not_allowed', 'The event stream is read with GET /v1/events.', { Allow: 'GET' });
      return;
    }
    const query = new URL(req.url ?? '/', 'http://terminal').searchParams.get('lastEventId');
    const parsed = parseLastEventId(req.headers['last-event-id'], query);
    if (!parsed.ok) {
      sendJsonError(res, 400, 'invalid_last_event_id', parsed.message);
      return;
    }
    if (shutDown || streams.size >= limits.maxStreams) {
      sendJsonError(res, 503, 'event_streams_full', `The terminal already serves ${limits.maxStreams} event streams; try again shortly.`, { 'Retry-After': '5' });
      return;
    }
    if (count(client.id) >= limits.maxStreamsPerClient) {
      sendJsonError(
        res,
        429,
        'too_many_event_streams',
        `This POS client already has ${limits.maxStreamsPerClient} event streams open; close one (one stream is enough for all events).`,
        { 'Retry-After': '5' },
      );
      return;
    }
    if (res.destroyed || req.socket.destroyed) return;
    req.socket.setNoDelay(true);
    let afterId: number;
    try {
      afterId = parsed.id ?? options.log.latestId();
    } catch {
      sendJsonError(res, 503, 'events_unavailable', 'The terminal cannot read its events file right now; try again shortly.', { 'Retry-After': '5' });
      return;
    }
    const { visible } = options;
    const start = { clientId: client.id, afterId, ...(visible === undefined ? {} : { visible: (event: PosEvent) => visible(client.id, event) }) };
    const stream = openSseStream(res, start, { log: options.log, clock: options.clock, limits, onClose });
    streams.add(stream);
    stream.wake();
  };

  return {
    handle,
    streamCount: count,
    close(clientId) {
      if (clientId === undefined) {
        shutDown = true;
        unsubscribe();
      }
      for (const stream of [...streams]) if (clientId === undefined || stream.clientId === clientId) stream.close(null);
    },
  };
}
