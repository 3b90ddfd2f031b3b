import type Database from 'better-sqlite3';
import type { Clock } from '../../../../app/engine/clock';
import { describe } from './event-database';

/** One event as the POS sees it, in SSE and webhook bodies alike. `id` is a decimal string, rising. */
export interface PosEvent {
  readonly id: string;
  readonly type: string;
  /** ISO 8601, UTC. */
  readonly created: string;
  readonly data: unknown;
}

/**
 * What a reader gets after the id it last saw: the next events in order, or — when that id is older
 * than what is kept (`expired`), or newer than anything this terminal ever wrote (`unknown`: its events
 * file was replaced) — an instruction to re-read its checkouts with GET and carry on from `latestId`.
 */
export type SinceResult =
  | { readonly kind: 'events'; readonly events: readonly PosEvent[]; readonly more: boolean }
  | { readonly kind: 'resync'; readonly reason: 'expired' | 'unknown'; readonly oldestId: string | null; readonly latestId: string };

export interface EventRetention {
  /** Events kept at most; older ones are removed as new ones arrive. */
  readonly maxEvents: number;
  /** Events older than this are removed (the newest is always kept, so ids never go back). */
  readonly maxAgeMs: number;
}

export const DEFAULT_RETENTION: EventRetention = { maxEvents: 10_000, maxAgeMs: 7 * 24 * 60 * 60 * 1000 };
/** One event's data, as JSON, at most: a checkout is about 1 KB. */
export const MAX_EVENT_DATA_BYTES = 64 * 1024;
const TYPE_PATTERN = /^[a-z][a-z0-9_.]{0,99}$/;

export interface EventLog {
  /** Records an event durably, then tells subscribers. Throws EventLogWriteError with a sentence. */
  append(type: string, data: unknown): PosEvent;
  /**
   * Events after `afterId` (the last id the reader saw; 0 if none yet): at most `limit`, and no more
   * than about `maxBytes` of data (always at least one), so a slow reader's page stays small.
   */
  since(afterId: number, limit?: number, maxBytes?: number): SinceResult;
  /** The highest id ever written (0 if none), even if retention removed it since. */
  latestId(): number;
  subscribe(listener: (event: PosEvent) => void): () => void;
}

/** A write the events file refused; the message names the event and the cause. */
export class EventLogWriteError extends Error {
  override readonly name = 'EventLogWriteError';
}

/** The seam the POS core publishes through (see pos-core's PosEventSink). */
export interface PosEventSinkLike<T> {
  publish(type: string, data: T): void;
}

/**
 * The core's publisher. It never throws: a checkout change must not fail because its event could not
 * be written (a full disk); `onError` gets the sentence for the log, and the POS still learns of the
 * change when it reads the checkout.
 */
export function posEventSink<T>(log: EventLog, onError: (error: EventLogWriteError) => void): PosEventSinkLike<T> {
  return {
    publish(type, data) {
      try {
        log.append(type, data);
      } catch (error) {
        onError(error instanceof EventLogWriteError ? error : new EventLogWriteError(`Cannot record the POS event ${type}: ${describe(error)}`));
      }
    },
  };
}

interface EventRow {
  id: number;
  type: string;
  created: number;
  data: string;
}

function toEvent(row: EventRow): PosEvent {
  return { id: String(row.id), type: row.type, created: new Date(row.created).toISOString(), data: JSON.parse(row.data) as unknown };
}

/** The JSON of `data`, or a sentence saying why it cannot be an event. */
function serialise(type: string, data: unknown): string {
  if (!TYPE_PATTERN.test(type)) throw new EventLogWriteError(`An event type must be lower-case words joined by dots (got ${JSON.stringify(type.slice(0, 40))})`);
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new EventLogWriteError(`The data of a ${type} event is not JSON: ${describe(error)}`);
  }
  if (json === undefined) throw new EventLogWriteError(`The data of a ${type} event is not JSON (it is ${typeof data})`);
  if (Buffer.byteLength(json) > MAX_EVENT_DATA_BYTES) throw new EventLogWriteError(`The data of a ${type} event is over ${MAX_EVENT_DATA_BYTES} bytes`);
  return json;
}

const DISK_REASONS: readonly (readonly [string, string])[] = [
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_READONLY', 'the file or its disk has become read-only'],
  ['SQLITE_IOERR', 'the disk reported a write error'],
  ['SQLITE_BUSY', 'another program keeps the file locked'],
];

function writeError(type: string, error: unknown): EventLogWriteError {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const reason = DISK_REASONS.find(([prefix]) => code.startsWith(prefix))?.[1] ?? describe(error);
  return new EventLogWriteError(`Cannot record the POS event ${type}: ${reason}. The POS learns of it when it reads the checkout.`);
}

export function createEventLog(db: Database.Database, options: { readonly clock: Pick<Clock, 'now'>; readonly retention?: EventRetention }): EventLog {
  const retention = options.retention ?? DEFAULT_RETENTION;
  const insert = db.prepare<[string, number, string]>('INSERT INTO events (type, created, data) VALUES (?, ?, ?)');
  const select = db.prepare<[number, number], EventRow>('SELECT id, type, created, data FROM events WHERE id > ? ORDER BY id LIMIT ?');
  const latest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
  const oldest = db.prepare<[], { id: number }>('SELECT min(id) AS id FROM events');
  const prunedRead = db.prepare<[], { value: number }>("SELECT value FROM event_meta WHERE key = 'pruned_through'");
  const prunedWrite = db.prepare<[number]>(
    "INSERT INTO event_meta (key, value) VALUES ('pruned_through', ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
  );
  const cutoffByAge = db.prepare<[number, number], { id: number | null }>('SELECT max(id) AS id FROM events WHERE created < ? AND id < ?');
  const prune = db.prepare<[number]>('DELETE FROM events WHERE id <= ?');
  const listeners = new Set<(event: PosEvent) => void>();

  const latestId = (): number => latest.get()?.seq ?? 0;
  const prunedThrough = (): number => prunedRead.get()?.value ?? 0;

  const appendTx = db.transaction((type: string, created: number, json: string): number => {
    const id = Number(insert.run(type, created, json).lastInsertRowid);
    const byAge = cutoffByAge.get(created - retention.maxAgeMs, id)?.id ?? 0;
    const cutoff = Math.max(id - retention.maxEvents, byAge);
    if (cutoff > prunedThrough()) {
      prune.run(cutoff);
      prunedWrite.run(cutoff);
    }
    return id;
  });

  return {
    append(type, data) {
      const json = serialise(type, data);
      const created = options.clock.now();
      let id: number;
      try {
        id = appendTx(type, created, json);
      } catch (error) {
        throw writeError(type, error);
      }
      const event: PosEvent = { id: String(id), type, created: new Date(created).toISOString(), data: JSON.parse(json) as unknown };
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // One subscriber's failure (a closed stream) must not stop the others or the write.
        }
      }
      return event;
    },
    since(afterId, limit = 500, maxBytes = Number.POSITIVE_INFINITY) {
      const top = latestId();
      const lost = prunedThrough();
      if (afterId > top || afterId < lost) {
        const first = oldest.get()?.id ?? null;
        return { kind: 'resync', reason: afterId > top ? 'unknown' : 'expired', oldestId: first === null ? null : String(first), latestId: String(top) };
      }
      const rows: EventRow[] = [];
      let bytes = 0;
      let more = false;
      for (const row of select.iterate(afterId, limit + 1)) {
        if (rows.length === limit || (rows.length > 0 && bytes + row.data.length > maxBytes)) {
          more = true;
          break;
        }
        rows.push(row);
        bytes += row.data.length;
      }
      return { kind: 'events', events: rows.map(toEvent), more };
    },
    latestId,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
