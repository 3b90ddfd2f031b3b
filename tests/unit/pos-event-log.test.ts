import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase, PosEventDatabaseError } from '../../electron/service/pos-api/events/event-database';
import { parseLastEventId } from '../../electron/service/pos-api/events/event-id';
import { createEventLog, EventLogWriteError, posEventSink } from '../../electron/service/pos-api/events/event-log';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
let dir: string;
let now = T0;
const clock = { now: () => now };
const open: Database.Database[] = [];

function openLog(retention = { maxEvents: 1000, maxAgeMs: 86_400_000 }): ReturnType<typeof createEventLog> {
  const db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
  open.push(db);
  return createEventLog(db, { clock, retention });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-event-log-'));
  now = T0;
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the POS event log', () => {
  it('numbers events in order, keeps them across a restart, and never reuses an id', () => {
    const log = openLog();
    const first = log.append('checkout.updated', { id: 'chk_1', status: 'pending' });
    now += 1000;
    log.append('checkout.updated', { id: 'chk_1', status: 'paid' });
    expect(first).toEqual({ id: '1', type: 'checkout.updated', created: '2026-12-07T09:00:00.000Z', data: { id: 'chk_1', status: 'pending' } });
    open.pop()?.close();

    const again = openLog();
    expect(again.since(0)).toEqual({ kind: 'events', more: false, events: [first, { id: '2', type: 'checkout.updated', created: '2026-12-07T09:00:01.000Z', data: { id: 'chk_1', status: 'paid' } }] });
    expect(again.append('checkout.updated', {}).id).toBe('3');
    expect(statSync(join(dir, 'pos-events.sqlite3')).mode & 0o777).toBe(0o600);
  });

  it('pages a long resume', () => {
    const log = openLog();
    for (let i = 0; i < 25; i++) log.append('checkout.updated', { i });
    const page = log.since(5, 10);
    expect(page.kind === 'events' && page.events.map((e) => e.id)).toEqual(['6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
    expect(page.kind === 'events' && page.more).toBe(true);
    const last = log.since(20, 10);
    expect(last.kind === 'events' && [last.events.length, last.more]).toEqual([5, false]);
  });

  it('stops a page at the byte budget, but always gives at least one event', () => {
    const log = openLog();
    for (let i = 0; i < 5; i++) log.append('checkout.updated', { pad: 'x'.repeat(1000) });
    const small = log.since(0, 100, 2500);
    expect(small.kind === 'events' && [small.events.map((e) => e.id), small.more]).toEqual([['1', '2'], true]);
    const tiny = log.since(0, 100, 1);
    expect(tiny.kind === 'events' && [tiny.events.map((e) => e.id), tiny.more]).toEqual([['1'], true]);
  });

  it('keeps at most maxEvents, and tells a reader behind them to re-sync', () => {
    const log = openLog({ maxEvents: 5, maxAgeMs: 86_400_000 });
    for (let i = 0; i < 12; i++) log.append('checkout.updated', { i });
    expect(log.since(7)).toMatchObject({ kind: 'events', events: [{ id: '8' }, { id: '9' }, { id: '10' }, { id: '11' }, { id: '12' }] });
    expect(log.since(6)).toEqual({ kind: 'resync', reason: 'expired', oldestId: '8', latestId: '12' });
    expect(log.since(0)).toMatchObject({ kind: 'resync', reason: 'expired' });
  });

  it('drops events older than maxAgeMs but always keeps the newest', () => {
    const log = openLog({ maxEvents: 1000, maxAgeMs: 60_000 });
    log.append('checkout.updated', { i: 1 });
    log.append('checkout.updated', { i: 2 });
    now += 120_000;
    log.append('checkout.updated', { i: 3 });
    expect(log.since(0)).toMatchObject({ kind: 'resync', reason: 'expired', oldestId: '3' });
    expect(log.since(2)).toMatchObject({ kind: 'events', events: [{ id: '3' }] });
  });

  it('answers an id it never sent (a huge one, or after the file was replaced) with a re-sync', () => {
    const log = openLog();
    log.append('checkout.updated', {});
    expect(log.since(999_999_999_999_999)).toEqual({ kind: 'resync', reason: 'unknown', oldestId: '1', latestId: '1' });
  });

  it('refuses data that is not JSON, too big, or a malformed type, with a sentence, and writes nothing', () => {
    const log = openLog();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => log.append('checkout.updated', cyclic)).toThrow(/not JSON/);
    expect(() => log.append('checkout.updated', undefined)).toThrow(/not JSON \(it is undefined\)/);
    expect(() => log.append('checkout.updated', 10n)).toThrow(EventLogWriteError);
    expect(() => log.append('checkout.updated', 'x'.repeat(70_000))).toThrow(/over 65536 bytes/);
    expect(() => log.append('Checkout Updated\n', {})).toThrow(/lower-case words/);
    expect(log.latestId()).toBe(0);
  });

  it('tells subscribers after the write, and one failing subscriber stops neither the others nor the write', () => {
    const log = openLog();
    const seen: string[] = [];
    log.subscribe(() => {
      throw new Error('closed stream');
    });
    const stop = log.subscribe((e) => seen.push(e.id));
    posEventSink(log, (e) => {
      throw e;
    }).publish('checkout.updated', { id: 'chk_1' });
    stop();
    log.append('checkout.updated', {});
    expect(seen).toEqual(['1']);
    expect(log.latestId()).toBe(2);
  });

  it('says which file is unreadable and what to do', () => {
    const path = join(dir, 'pos-events.sqlite3');
    writeFileSync(path, 'this is not a database, it is a text file that is long enough to have a header'.repeat(20));
    expect(() => openPosEventDatabase(path)).toThrow(PosEventDatabaseError);
    expect(() => openPosEventDatabase(path)).toThrow(/is not a readable POS events file .*move it aside/);
  });

  it('says the disk is full when SQLite cannot grow the file, and keeps what it had', () => {
    const db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
    open.push(db);
    const log = createEventLog(db, { clock });
    log.append('checkout.updated', { id: 'kept' });
    // A cap on the file's pages gives SQLite's own SQLITE_FULL, as a full disk does.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    expect(() => log.append('checkout.updated', { pad: 'x'.repeat(60_000) })).toThrow(/^Cannot record the POS event checkout\.updated: the disk is full\./);
    expect(log.since(0)).toMatchObject({ kind: 'events', events: [{ id: '1', data: { id: 'kept' } }] });
  });

  it('turns a refused write into a sentence naming the event', () => {
    // Tests run as root, which writes through file modes: query_only gives SQLite's read-only refusal.
    const db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
    open.push(db);
    db.pragma('query_only = ON');
    const log = createEventLog(db, { clock });
    expect(() => log.append('checkout.updated', {})).toThrow(/Cannot record the POS event checkout\.updated: .*read/);
    const problems: string[] = [];
    expect(() => posEventSink(log, (e) => problems.push(e.message)).publish('checkout.updated', { id: 'chk_1' })).not.toThrow();
    expect(problems).toEqual([expect.stringMatching(/^Cannot record the POS event checkout\.updated: .*read-only\. The POS learns of it when it reads the checkout\.$/)]);
  });
});

describe('Last-Event-ID', () => {
  it.each([
    ['', null],
    ['0', 0],
    ['42', 42],
    ['999999999999999', 999_999_999_999_999],
  ])('accepts %j', (raw, id) => expect(parseLastEventId(raw, null)).toEqual({ ok: true, id }));

  it.each(['-1', '1.5', '0x10', ' 1', '1e3', '9999999999999999', 'a'.repeat(10_000), '1\r\nevent: x', '１２'])('refuses %j with a sentence', (raw) => {
    const parsed = parseLastEventId(raw, null);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeLessThan(160);
  });

  it('takes the header over the query, and the query when there is no header', () => {
    expect(parseLastEventId('5', '7')).toEqual({ ok: true, id: 5 });
    expect(parseLastEventId(undefined, '7')).toEqual({ ok: true, id: 7 });
    expect(parseLastEventId(['3', '4'], null)).toEqual({ ok: true, id: 3 });
  });
});
