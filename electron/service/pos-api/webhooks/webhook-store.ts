import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A POS client's webhook, as settings and tests may see it: never the secret. */
export interface WebhookEndpoint {
  readonly clientId: string;
  readonly url: string;
  readonly created: number;
  /** The last event id delivered (or given up on). */
  readonly cursor: number;
  /** Failed tries of the next event so far. */
  readonly attempts: number;
  /** When the next try is due (epoch ms); 0: now. */
  readonly nextAt: number;
  readonly lastError: string | null;
}

export interface WebhookStore {
  /** Sets (or replaces) a client's URL with a new secret, delivering events after `afterId`. Answers the secret once. */
  register(clientId: string, url: string, afterId: number, now: number): { readonly secret: string; readonly endpoint: WebhookEndpoint };
  remove(clientId: string): boolean;
  get(clientId: string): WebhookEndpoint | null;
  all(): readonly WebhookEndpoint[];
  secretOf(clientId: string): string | null;
  /** Delivered, or given up: on to the next event. */
  advance(clientId: string, cursor: number, lastError: string | null): void;
  /** A failed try, and when to try again. */
  failed(clientId: string, attempts: number, nextAt: number, lastError: string): void;
}

interface Row {
  client_id: string;
  url: string;
  created: number;
  cursor: number;
  attempts: number;
  next_at: number;
  last_error: string | null;
}

const toEndpoint = (row: Row): WebhookEndpoint => ({
  clientId: row.client_id,
  url: row.url,
  created: row.created,
  cursor: row.cursor,
  attempts: row.attempts,
  nextAt: row.next_at,
  lastError: row.last_error,
});

const COLUMNS = 'client_id, url, created, cursor, attempts, next_at, last_error';

/** Webhook endpoints and their delivery cursors, in the POS events file: the queue is the event log itself. */
export function createWebhookStore(db: Database.Database): WebhookStore {
  const upsert = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO webhook_endpoints (client_id, url, secret, created, cursor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, created = excluded.created,
       cursor = excluded.cursor, attempts = 0, next_at = 0, last_error = NULL`,
  );
  const one = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE client_id = ?`);
  const every = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM webhook_endpoints ORDER BY client_id`);
  const secret = db.prepare<[string], { secret: string }>('SELECT secret FROM webhook_endpoints WHERE client_id = ?');
  const remove = db.prepare<[string]>('DELETE FROM webhook_endpoints WHERE client_id = ?');
  const advance = db.prepare<[number, string | null, string]>('UPDATE webhook_endpoints SET cursor = ?, attempts = 0, next_at = 0, last_error = ? WHERE client_id = ?');
  const failed = db.prepare<[number, number, string, string]>('UPDATE webhook_endpoints SET attempts = ?, next_at = ?, last_error = ? WHERE client_id = ?');
  return {
    register(clientId, url, afterId, now) {
      const key = `whsec_${randomBytes(32).toString('base64url')}`;
      upsert.run(clientId, url, key, now, afterId);
      const row = one.get(clientId);
      if (row === undefined) throw new Error(`The webhook of ${clientId} was not saved`);
      return { secret: key, endpoint: toEndpoint(row) };
    },
    remove: (clientId) => remove.run(clientId).changes > 0,
    get: (clientId) => {
      const row = one.get(clientId);
      return row === undefined ? null : toEndpoint(row);
    },
    all: () => every.all().map(toEndpoint),
    secretOf: (clientId) => secret.get(clientId)?.secret ?? null,
    advance: (clientId, cursor, lastError) => void advance.run(cursor, lastError, clientId),
    failed: (clientId, attempts, nextAt, lastError) => void failed.run(attempts, nextAt, lastError, clientId),
  };
}
