import type { ServerResponse } from 'node:http';
import type { Clock } from '../../../../app/engine/clock';
import type { EventLog, PosEvent, SinceResult } from './event-log';

export interface SseStreamLimits {
  /** A comment line this often keeps proxies and the POS's read timeout from closing a quiet stream. */
  readonly heartbeatMs: number;
  /** Writing pauses once this much waits unread in the socket's buffer; memory per stream stays near it. */
  readonly highWaterBytes: number;
  /** A stream paused for this long without the POS reading is closed: it would hold a slot for nothing. */
  readonly stallMs: number;
  /** Events read from the file per step, so a long resume never loads the whole log at once. */
  readonly pageSize: number;
  /** The reconnect delay EventSource is told to use. */
  readonly retryMs: number;
}

/**
 * One open event stream. It pulls from the log from its cursor, so a slow reader costs no memory.
 * Nothing is sent until the first `wake()`, so the caller can register the stream first.
 */
export interface SseStream {
  readonly clientId: string;
  wake(): void;
  /** With a reason, the close is reported as a drop; `hard` destroys the socket instead of ending it. */
  close(reason: string | null, hard?: boolean): void;
}

function frame(event: Pick<PosEvent, 'id' | 'type'>, data: unknown): string {
  // JSON has no raw newline, so `data:` is always one line.
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The same envelope as every event, so a reader needs one parser; its id is where to carry on from. */
function resyncFrame(result: Extract<SinceResult, { kind: 'resync' }>, now: number): string {
  const message =
    result.reason === 'expired'
      ? 'Events after your Last-Event-ID are no longer kept: re-read your checkouts with GET /v1/checkouts, then carry on from this event.'
      : 'Your Last-Event-ID is not one this terminal sent (its events were reset): re-read your checkouts with GET /v1/checkouts, then carry on from this event.';
  const event = { id: result.latestId, type: 'sync.required', created: new Date(now).toISOString() };
  return frame(event, { ...event, data: { reason: result.reason, oldestId: result.oldestId, latestId: result.latestId, message } });
}

/** Writes the resync frame; the new cursor is its id. */
function writeResync(res: ServerResponse, result: Extract<SinceResult, { kind: 'resync' }>, now: number): number {
  res.write(resyncFrame(result, now));
  return Number(result.latestId);
}

export function openSseStream(
  res: ServerResponse,
  start: { readonly clientId: string; readonly afterId: number; readonly visible?: (event: PosEvent) => boolean },
  deps: { readonly log: EventLog; readonly clock: Clock; readonly limits: SseStreamLimits; readonly onClose: (stream: SseStream, reason: string | null) => void },
): SseStream {
  const { log, clock, limits } = deps;
  let cursor = start.afterId;
  let closed = false;
  let stalledSince: number | null = null;
  let cancelHeartbeat = (): void => undefined;

  // Not below Node's own mark: 'drain' only comes after a write that reached it.
  const bound = Math.max(limits.highWaterBytes, res.writableHighWaterMark);
  const full = (): boolean => res.writableLength >= bound;

  // A client can hang up between two events, before 'close' is emitted: never write to a dead socket.
  const gone = (): boolean => res.destroyed || res.writableEnded;

  const pump = (): void => {
    try {
      fill();
    } catch {
      // The events file could not be read: this stream ends, the POS reconnects with its last id.
      stream.close('The terminal could not read its events file; the stream was closed: reconnect with Last-Event-ID.', false);
    }
  };

  const fill = (): void => {
    while (!closed && stalledSince === null) {
      if (gone()) return stream.close(null);
      if (full()) {
        stalledSince = clock.now();
        res.once('drain', () => {
          stalledSince = null;
          pump();
        });
        return;
      }
      const result = log.since(cursor, limits.pageSize, bound - res.writableLength);
      if (result.kind === 'resync') {
        cursor = writeResync(res, result, clock.now());
        continue;
      }
      for (const event of result.events) {
        cursor = Number(event.id);
        // Another till's checkout, for a key without the read scope: passed over, the cursor moves on.
        if (start.visible?.(event) === false) continue;
        res.write(frame(event, event));
        if (full()) break;
      }
      if (!result.more && !full()) return;
    }
  };

  const heartbeat = (): void => {
    if (closed) return;
    if (gone()) return stream.close(null);
    if (stalledSince !== null && clock.now() - stalledSince >= limits.stallMs) {
      const waiting = res.writableLength;
      stream.close(`The POS did not read its event stream for ${Math.round((clock.now() - stalledSince) / 1000)} s (${waiting} bytes waiting): closed; reconnect with Last-Event-ID to resume.`);
      return;
    }
    if (stalledSince === null) res.write(': heartbeat\n\n');
    cancelHeartbeat = clock.setTimer(heartbeat, limits.heartbeatMs);
  };

  const stream: SseStream = {
    clientId: start.clientId,
    wake: pump,
    close(reason, hard = reason !== null) {
      if (closed) return;
      closed = true;
      cancelHeartbeat();
      deps.onClose(stream, reason);
      // A stalled socket can never flush an ending: it is destroyed. Otherwise the POS sees a clean end.
      if (hard) res.destroy();
      else res.end();
    },
  };

  res.on('close', () => stream.close(null));
  res.on('error', () => stream.close(null));
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${limits.retryMs}\n: connected\n\n`);
  cancelHeartbeat = clock.setTimer(heartbeat, limits.heartbeatMs);
  return stream;
}
