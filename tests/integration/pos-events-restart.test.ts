import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, posEventSink, type EventLog } from '../../electron/service/pos-api/events/event-log';
import { createSseHandler, type SseHandler } from '../../electron/service/pos-api/events/sse-handler';
import { createPosClient, type PosEvent } from '../../tools/pos-client';
import { deferred, ManualClock, T0 } from '../support/engine-harness';

/** One run of the terminal's event side: the file, the log, the SSE route on a port. */
interface Terminal {
  readonly db: Database.Database;
  readonly log: EventLog;
  readonly sse: SseHandler;
  readonly server: Server;
}

const dir = mkdtempSync(join(tmpdir(), 'pos-events-restart-'));
let running: Terminal | undefined;

async function boot(port = 0): Promise<Terminal> {
  const db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
  const clock = new ManualClock(T0);
  const log = createEventLog(db, { clock });
  const sse = createSseHandler({ log, clock });
  const server = createServer((req, res) => sse.handle(req, res, { id: 'till-2' }));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  running = { db, log, sse, server };
  return running;
}

async function shutDown(terminal: Terminal): Promise<void> {
  terminal.sse.close();
  terminal.server.closeAllConnections();
  await new Promise((r) => terminal.server.close(r));
  terminal.db.close();
  running = undefined;
}

afterEach(async () => {
  if (running !== undefined) await shutDown(running);
  rmSync(dir, { recursive: true, force: true });
});

describe('a terminal restart in the middle of a checkout', () => {
  it('lets the POS resume with Last-Event-ID: it gets what was published while it was away, once', async () => {
    const first = await boot();
    const port = (first.server.address() as AddressInfo).port;
    const sink = posEventSink<{ id: string; status: string }>(first.log, (e) => {
      throw e;
    });
    const back = deferred<undefined>();
    const waits: number[] = [];
    const events = createPosClient({ baseUrl: `http://127.0.0.1:${port}`, key: 'k' }).events({
      lastEventId: '0',
      // Reconnects wait for the terminal to be back, rather than for a time.
      wait: async (ms) => {
        waits.push(ms);
        await back.promise;
      },
    });
    sink.publish('checkout.updated', { id: 'chk_1', status: 'pending' });
    sink.publish('checkout.updated', { id: 'chk_1', status: 'awaiting_customer' });
    const seen: PosEvent[] = [(await events.next()).value as PosEvent, (await events.next()).value as PosEvent];

    await shutDown(first);
    const second = await boot(port);
    posEventSink(second.log, (e) => {
      throw e;
    }).publish('checkout.updated', { id: 'chk_1', status: 'paid' });
    back.resolve(undefined);
    seen.push((await events.next()).value as PosEvent);

    expect(seen.map((e) => [e.id, (e.data as { status: string }).status])).toEqual([
      ['1', 'pending'],
      ['2', 'awaiting_customer'],
      ['3', 'paid'],
    ]);
    expect(waits[0]).toBe(3000);
    await events.return();
  });
});
