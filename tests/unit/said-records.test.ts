import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import type { Said } from '../../app/i18n/said';
import type { Money } from '../../app/money/money';
import type { PaymentProvider, ProviderError } from '../../app/providers/provider';
import { err, ok } from '../../app/util/result';
import { historyCommands } from '../../electron/service/commands/history-commands';
import { createAuditLog } from '../../electron/service/journal/audit-log';
import { createDayReports } from '../../electron/service/journal/day-reports';
import type { Journal } from '../../electron/service/journal/journal-types';
import { createRedactor } from '../../electron/service/journal/redaction';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { diskProblem } from '../../electron/service/journal/write-problems';
import { createLookupRequest } from '../../electron/service/providers/lookup-request';
import type { PrinterService } from '../../electron/service/devices/printer-service';
import { journalReport } from '../../electron/service/devices/device-status';
import type { CommandContext } from '../../electron/service/terminal/terminal-api';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { blackPng } from '../support/image-bytes';
import { chargeOk, harness, storedPayment, T0 } from '../support/engine-harness';

/**
 * The records' sentences as the service writes them, each carrying a `said` that the cashier's English
 * catalog words exactly as the service's English `message`: the two cannot drift apart unnoticed.
 */
const FOLDER = '/var/lib/qr-terminal';
const format = saidFormat(null);

/** What a refusal says: its English, and its `said` worded in English (null when it has none, or no words for it). */
function bothWays(error: { readonly message: string; readonly said?: Said | undefined }): { message: string; worded: string | null } {
  return { message: error.message, worded: error.said === undefined ? null : wordSaid(error.said, CASHIER_WORDS.en.said, format) };
}
const expectSame = (error: { readonly message: string; readonly said?: Said | undefined } | undefined): void => {
  if (error === undefined) throw new Error('expected a refusal');
  const { message, worded } = bothWays(error);
  expect(worded).toBe(message);
};

const coded = (code: string): Error => Object.assign(new Error('low-level detail'), { code });

describe('the journal: disk problems, in English from the said as from the service', () => {
  it.each(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'EACCES', 'SQLITE_BUSY'])('%s', (code) => {
    const problem = diskProblem(coded(code), FOLDER);
    expect(problem?.said).toMatchObject({ area: 'records', kind: 'journal_cannot_save', folder: FOLDER });
    expectSame(problem ?? undefined);
  });
});

/** A memory store that throws as the journal does while `failing` is set (a JournalDiskError, or another error). */
function failingStore(): { store: PaymentStore; state: { failing: Error | null } } {
  const inner = createMemoryStore();
  const state: { failing: Error | null } = { failing: null };
  return {
    state,
    store: {
      save: (payment) => {
        if (state.failing !== null) throw state.failing;
        inner.save(payment);
      },
      get: (id) => inner.get(id),
      unfinished: () => inner.unfinished(),
    },
  };
}

describe("the device bar's journal chip while the journal cannot save", () => {
  const english = (said: Said | undefined): string | null => (said === undefined ? null : wordSaid(said, CASHIER_WORDS.en.said, format));
  it.each([
    ...['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'EACCES', 'SQLITE_BUSY'].map((code) => [code, () => diskProblem(coded(code), FOLDER) ?? new Error(code)] as const),
    ['another failure', () => new Error('database disk image is malformed')] as const,
  ])('%s: the chip and its sentence, as the engine reports the problem', async (_, failure) => {
    const { store, state } = failingStore();
    const h = harness({ store });
    state.failing = failure();
    await h.engine.charge({ amount: { minor: 100, currency: 'SGD' }, method: 'demo', orderRef: 'B-0' });
    const report = journalReport(h.engine.storeProblem());
    expect(report.health).toBe('fault');
    expect(report.summarySaid).toMatchObject({ area: 'devices', kind: 'summary', said: { summary: 'journal_problem' } });
    expect(english(report.summarySaid)).toBe(report.summary);
    expect(english(report.said)).toBe(report.detail);
    h.engine.stop();
  });
});

describe("the engine's refusals while the journal cannot save", () => {
  const full = (): Error => diskProblem(coded('SQLITE_FULL'), FOLDER) ?? new Error('not a disk problem');

  it.each([
    ['the disk is full', full],
    ['another failure', () => new Error('database disk image is malformed')],
  ])('charge, and cancel of a sale whose news waits (%s)', async (_, failure) => {
    const { store, state } = failingStore();
    const h = harness({ store });
    const payment = await chargeOk(h.engine);
    state.failing = failure();
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    await h.clock.advance(1000);
    const charge = await h.engine.charge({ amount: { minor: 100, currency: 'SGD' }, method: 'demo', orderRef: 'B-1' });
    expectSame(charge.ok ? undefined : charge.error);
    const cancel = await h.engine.cancel(payment.id);
    expect(cancel.ok ? undefined : cancel.error.said?.kind).toBe('kept_until_saved');
    expectSame(cancel.ok ? undefined : cancel.error);
    h.engine.stop();
  });

  it('a charge whose first save fails', async () => {
    const { store, state } = failingStore();
    const h = harness({ store });
    state.failing = full();
    const charge = await h.engine.charge({ amount: { minor: 100, currency: 'SGD' }, method: 'demo', orderRef: 'B-2' });
    expect(charge.ok ? undefined : charge.error.said?.kind).toBe('journal_cannot_save');
    expectSame(charge.ok ? undefined : charge.error);
  });

  it('a refund that went through, and the one refused while it waits', async () => {
    const { store, state } = failingStore();
    store.save(storedPayment({ id: 'sale-1', state: { status: 'paid', paidAt: T0 - 1000 }, amount: { minor: 1234, currency: 'SGD' } }));
    const h = harness({ store });
    Object.assign(h.provider, {
      refund: (_ref: string, amount: Money) => Promise.resolve(ok({ refundId: 'rfnd_1', amount, totalRefundedMinor: amount.minor })),
    } satisfies Partial<PaymentProvider>);
    state.failing = full();
    const first = await h.engine.refund('sale-1', { minor: 500, currency: 'SGD' });
    expect(first.ok ? undefined : first.error.said).toMatchObject({ kind: 'refund_kept_until_saved', provider: 'The test provider' });
    expectSame(first.ok ? undefined : first.error);
    const second = await h.engine.refund('sale-1', { minor: 100, currency: 'SGD' });
    expectSame(second.ok ? undefined : second.error);
  });

  it("the cashier's decision on a partly paid sale", async () => {
    const { store, state } = failingStore();
    const h = harness({ store });
    h.provider.onStatus = () => ok({ kind: 'partially_paid', received: { minor: 1000, currency: 'SGD' } });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    state.failing = full();
    const decided = await h.engine.cancel(payment.id, 'to_return');
    expect(decided.ok ? undefined : decided.error.said).toMatchObject({ kind: 'kept_until_saved', kept: 'decision' });
    expectSame(decided.ok ? undefined : decided.error);
    h.engine.stop();
  });
});

describe('end of day and History', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'said-records-'));
    file = join(dir, 'journal.sqlite3');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Closes the day over `db` (a read-only connection, so the write fails as on a read-only disk). */
  function closeOn(db: Database.Database) {
    const now = () => T0 + 1000;
    return createDayReports(db, now, createAuditLog(db, now, createRedactor([]))).close();
  }

  // A full disk under a day report is in tests/integration/journal-disk-full.test.ts, on a real tmpfs.
  it('a day report the disk refuses', () => {
    openJournal(file, { now: () => T0 }).close();
    const readOnly = new Database(file, { readonly: true });
    try {
      const refused = closeOn(readOnly);
      expect(refused.ok ? undefined : refused.error.said).toEqual({ area: 'records', kind: 'day_report_not_saved', problem: 'read_only', folder: dir });
      expectSame(refused.ok ? undefined : refused.error);
    } finally {
      readOnly.close();
    }
  });

  it.each([1, 2])('closing the day with %i sales still going', (open) => {
    const journal = openJournal(file, { now: () => T0 });
    try {
      for (let i = 0; i < open; i++) journal.save(storedPayment({ id: `open-${i}`, state: { status: 'awaiting' } }));
      const refused = journal.dayReports.close();
      expect(refused.ok ? undefined : refused.error.said).toEqual({ area: 'records', kind: 'day_sales_open', count: open });
      expectSame(refused.ok ? undefined : refused.error);
    } finally {
      journal.close();
    }
  });

  it("History's refusals", async () => {
    const journal = openJournal(file, { now: () => T0 });
    const context: CommandContext = { role: 'cashier', screen: null, operator: null, approvedBy: null };
    const deps = { printer: (): PrinterService => { throw new Error('no printing here'); }, methodLabel: (id: string) => id, now: () => T0 };
    try {
      const commands = historyCommands({ ...deps, journal });
      const memoryOnly = historyCommands({ ...deps, journal: null });
      // Counting more than a file holds, without writing that many: the journal's count is all the export reads first.
      const crowded = historyCommands({ ...deps, journal: { ...journal, count: () => 100_001 } satisfies Journal });
      const refusals = [
        await memoryOnly.endOfDay({}, context),
        await commands.paymentDetail({ paymentId: 'nope' }, context),
        await commands.reprintDayReport({ number: 3 }, context),
        await commands.exportDayReportCsv({ number: 1 }, context),
        await crowded.exportPaymentsCsv({}, context),
      ];
      for (const refusal of refusals) {
        expect(refusal.ok).toBe(false);
        expectSame(refusal.ok ? undefined : refusal.error);
      }
    } finally {
      journal.close();
    }
  });
});

describe('request lookup', () => {
  const providerError = (kind: ProviderError['kind']): ProviderError => ({ kind, message: 'Orangepill says no', ambiguous: false });
  /** Just enough of an Orangepill client: what its reveal and its details answer. */
  const orangepill = (revealed: string | null, known: boolean): PaymentProvider =>
    ({
      reveal: () => Promise.resolve(revealed === null ? err(providerError('rejected')) : ok(revealed)),
      details: () => Promise.resolve(known ? ok({ request: { id: revealed, status: 'PENDING' } }) : err(providerError('not_found'))),
    }) as unknown as PaymentProvider;
  const small = blackPng(32, 32).toString('base64');
  /** A picture of noise: within the terminal's limits, but too detailed to shrink into what Orangepill takes. */
  function noisyPng(side: number): string {
    const png = new PNG({ width: side, height: side });
    for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 2_654_435_761) >>> 24;
    return PNG.sync.write(png).toString('base64');
  }

  it.each([
    ['lookup_not_set_up', undefined, small],
    ['lookup_no_qr', orangepill(null, false), small],
    ['lookup_no_qr', orangepill('  ', false), small],
    ['lookup_not_a_request', orangepill('op_secret_key', false), small],
    ['lookup_no_such_request', orangepill(`R${'x'.repeat(80)}`, false), small],
    ['lookup_image_unreadable', orangepill('R1', true), `iVBORw0KGgo${'A'.repeat(70_001)}`],
    ['lookup_image_too_many_pixels', orangepill('R1', true), blackPng(12_000, 12_000).toString('base64')],
    ['lookup_image_too_detailed', orangepill('R1', true), noisyPng(800)],
    ['lookup_image_too_many_bytes', orangepill('R1', true), Buffer.concat([blackPng(32, 32), Buffer.alloc(1_200_000)]).toString('base64')],
  ])('%s', async (kind, provider, imageBase64) => {
    const lookup = createLookupRequest({ provider, secrets: ['op_secret_key'] });
    const answer = await lookup({ imageBase64 });
    expect(answer.ok ? undefined : answer.error.said?.kind).toBe(kind);
    expectSame(answer.ok ? undefined : answer.error);
  });

  const STATUSES = ['CREATED', 'PENDING', 'PROCESSING', 'ACCEPTED', 'DONE', 'COMPLETED', 'OVERPAID', 'LATE', 'INCOMPLETE', 'CANCELLED', 'FAILED', 'ERROR', 'REFUND', 'REFUNDED'];
  it.each([
    ...STATUSES.map((status) => [status, undefined] as const),
    ...['CANCELLED', 'FAILED', 'ERROR', 'DONE'].map((status) => [status, { message: '  Customer wallet closed  ' }] as const),
    ['FAILED', 'insufficient funds'],
    ['FAILED', '   '],
    ['SETTLED_SOMEHOW', undefined],
    [`<script>${'X'.repeat(500)}`, { message: 'x'.repeat(5000) }],
  ] as const)("a found request's status %s (error %j) in plain words, the same from its Said", async (status, error) => {
    const provider = {
      reveal: () => Promise.resolve(ok('R1')),
      details: () => Promise.resolve(ok({ request: { id: 'R1', status, ...(error === undefined ? {} : { error }) } })),
    } as unknown as PaymentProvider;
    const answer = await createLookupRequest({ provider, secrets: [] })({ imageBase64: small });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.statusSaid).toMatchObject({ area: 'records', kind: 'lookup_status' });
    expect(answer.value.statusLabel).not.toBe(status);
    expect(wordSaid(answer.value.statusSaid ?? { area: 'records', kind: 'no_journal' }, CASHIER_WORDS.en.said, format)).toBe(answer.value.statusLabel);
    expect(JSON.stringify(answer.value.statusSaid).length).toBeLessThan(400);
  });
});
