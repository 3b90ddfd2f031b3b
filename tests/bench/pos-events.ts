import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, posEventSink } from '../../electron/service/pos-api/events/event-log';
import { createSseHandler } from '../../electron/service/pos-api/events/sse-handler';
import type { PosRouteHandler } from '../../electron/service/pos-api/pos-api-service';
import { realClock } from '../../electron/service/terminal/counter';
import type { TerminalServiceOptions } from '../../electron/service/terminal/terminal-service';

export interface PosEventsPlugIn {
  /** For createTerminalService: the sink the checkouts publish to and the GET /v1/events route. */
  readonly options: Pick<TerminalServiceOptions, 'posApi'>;
  close(): void;
}

/**
 * The events module (electron/service/pos-api/events) plugged into the POS API through the service's
 * own seams (options.posApi.sink and extraRoutes), as the service does once it mounts it: the real
 * event log on a SQLite file, the real SSE handler behind the same keys and rate limits as every
 * other route. The bench does the mounting only while the service does not do it itself.
 */
export function plugPosEvents(): PosEventsPlugIn {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pos-events-'));
  const db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
  const log = createEventLog(db, { clock: realClock });
  const sse = createSseHandler({ log, clock: realClock });
  // A write that fails is said on stderr; the SSE row then waits for that event in vain and fails the run.
  const sink = posEventSink<Checkout>(log, (error) => process.stderr.write(`POS event not recorded: ${error.message}\n`));
  const events: PosRouteHandler = (req, res, { client }) => sse.handle(req, res, client);
  return {
    options: { posApi: { sink, extraRoutes: new Map([['/v1/events', events]]) } },
    close() {
      sse.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the service answers GET /v1/events itself (its events module mounted): asks once with a till's key and hangs up. */
export async function serviceServesEvents(api: string, key: string): Promise<boolean> {
  const abort = new AbortController();
  try {
    const answer = await fetch(`${api}/v1/events`, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' }, signal: abort.signal });
    if (answer.status === 404) return false;
    if (answer.status === 200) return true;
    throw new Error(`GET /v1/events answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
  } finally {
    abort.abort();
  }
}
