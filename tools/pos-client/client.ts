import { randomUUID } from 'node:crypto';
import { streamEvents, type EventsOptions, type PosEvent } from './events';
import { callJson, PosNetworkError, type Connection } from './http-call';
import { normaliseFingerprint } from './pinned-tls';

export interface PosClientOptions extends Connection {
  /** Tries of one create after a network error (same Idempotency-Key each time). Default 3. */
  readonly createAttempts?: number;
  /** Wait between those tries; tests pass one that resolves at once. */
  readonly wait?: (ms: number) => Promise<void>;
}

export interface PosClient {
  /**
   * POST /v1/checkouts. The Idempotency-Key is made here (or given), and the same key is sent again
   * after a network error, so a till that lost the answer never starts a second sale.
   */
  createCheckout(body: unknown, options?: { readonly idempotencyKey?: string }): Promise<unknown>;
  getCheckout(id: string): Promise<unknown>;
  listCheckouts(query?: Readonly<Record<string, string>>): Promise<unknown>;
  cancel(id: string): Promise<unknown>;
  refund(id: string, body: unknown): Promise<unknown>;
  events(options?: EventsOptions): AsyncGenerator<PosEvent, void, undefined>;
}

const path = (id: string): string => `/v1/checkouts/${encodeURIComponent(id)}`;

/** Throws TypeError at once for a malformed fingerprint, rather than on the first call. */
export function createPosClient(options: PosClientOptions): PosClient {
  if (options.fingerprint256 !== undefined) normaliseFingerprint(options.fingerprint256);
  const attempts = options.createAttempts ?? 3;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    async createCheckout(body, create = {}) {
      const idempotencyKey = create.idempotencyKey ?? randomUUID();
      for (let attempt = 1; ; attempt++) {
        try {
          return (await callJson(options, 'POST', '/v1/checkouts', body, { 'Idempotency-Key': idempotencyKey })).body;
        } catch (error) {
          if (!(error instanceof PosNetworkError) || attempt >= attempts) throw error;
          await wait(250 * 2 ** (attempt - 1));
        }
      }
    },
    getCheckout: async (id) => (await callJson(options, 'GET', path(id))).body,
    listCheckouts: async (query = {}) => (await callJson(options, 'GET', `/v1/checkouts?${new URLSearchParams(query).toString()}`)).body,
    cancel: async (id) => (await callJson(options, 'POST', `${path(id)}/cancel`)).body,
    refund: async (id, body) => (await callJson(options, 'POST', `${path(id)}/refunds`, body)).body,
    events: (events = {}) => streamEvents(options, events),
  };
}
