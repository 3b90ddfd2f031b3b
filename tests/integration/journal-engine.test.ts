import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../app/util/result';
import type { Journal } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { chargeOk, createdFor, harness, T0 } from '../support/engine-harness';

/**
 * The real engine on the real journal. What another connection to the file can see is what is on
 * disk and committed, so every check here reads through a second, independent connection.
 */
let dir: string;
let file: string;
let journal: Journal;
let reader: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-engine-'));
  file = join(dir, 'journal.sqlite3');
  journal = openJournal(file, { now: () => T0 });
  reader = new Database(file, { readonly: true });
});

afterEach(() => {
  reader.close();
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const onDisk = (id: string): string | undefined =>
  reader.prepare<[string], string>('SELECT status FROM payments WHERE id = ?').pluck().get(id);

describe('the engine on the journal', () => {
  it('records the intent to charge before the provider hears of it, and every result before it is shown', async () => {
    const h = harness({ store: journal });
    const seenAtCreate: (string | undefined)[] = [];
    h.provider.onCreate = (req) => {
      seenAtCreate.push(onDisk(req.reference));
      return ok(createdFor(req));
    };
    const shown: { status: string; onDisk: string | undefined }[] = [];
    // The harness's onChange appends to `changes`: catching that append is catching the moment it is shown.
    const announce = h.changes.push.bind(h.changes);
    h.changes.push = (...payments) => {
      for (const p of payments) shown.push({ status: p.state.status, onDisk: onDisk(p.id) });
      return announce(...payments);
    };

    const payment = await chargeOk(h.engine);
    expect(seenAtCreate).toEqual(['creating']);
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 1500 });
    await h.clock.advance(1000);

    expect(shown.map((s) => s.status)).toEqual(['creating', 'awaiting', 'paid']);
    expect(shown.every((s) => s.onDisk === s.status)).toBe(true);
    expect(journal.events(payment.id).map((e) => e.summary['to'])).toEqual(['creating', 'awaiting', 'paid']);
    h.engine.stop();
  });

  it('resumes, after a restart, the sales the journal holds as unfinished', async () => {
    const first = harness({ store: journal });
    first.provider.onCreate = () => new Promise(() => undefined); // the process dies while creating
    void first.engine.charge({ amount: { minor: 700, currency: 'SGD' }, method: 'demo', orderRef: null });
    await first.clock.advance(0);
    first.engine.stop();
    journal.close();

    journal = openJournal(file, { now: () => T0 });
    const second = harness({ store: journal });
    second.provider.onFind = (reference) => ok(createdFor({ reference, amount: { minor: 700, currency: 'SGD' }, description: '', expiresAt: T0 + 60_000, payerAlias: null }));
    second.engine.resume();
    await second.clock.advance(0);
    // The earlier run may have reached the provider, so the resumed sale is looked up before any new create.
    expect(second.provider.finds).toEqual(['ref-1']);
    expect(second.provider.creates).toEqual([]);
    expect(journal.get('ref-1')?.state.status).toBe('awaiting');
    second.engine.stop();
  });
});
