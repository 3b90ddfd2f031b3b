import type Database from 'better-sqlite3';
import { z } from 'zod';
import { dirname } from 'node:path';
import { guardWrite } from './sqlite-connection';
import { diskProblem, type JournalDiskError } from './write-problems';

/** The slips the terminal prints by itself; each at most once per payment. */
export const AUTO_PRINT_KINDS = ['paid_receipt', 'failed_slip', 'qr_slip'] as const;
export type AutoPrintKind = (typeof AUTO_PRINT_KINDS)[number];

export interface PrintRecord {
  readonly paymentId: string;
  readonly kind: AutoPrintKind;
  readonly state: 'claimed' | 'printed' | 'failed';
  readonly claimedAt: number;
  readonly printedAt: number | null;
  readonly error: string | null;
}

/**
 * What the terminal printed by itself. A slip is claimed, durably, before its bytes go to the printer,
 * so a restart never prints it a second time; one claimed and never confirmed is still owed.
 */
export interface PrintLedger {
  /** True only for the call that claimed it; false when it was claimed before (by this run or an earlier one). */
  claim(paymentId: string, kind: AutoPrintKind): boolean;
  printed(paymentId: string, kind: AutoPrintKind): void;
  failed(paymentId: string, kind: AutoPrintKind, message: string): void;
  get(paymentId: string, kind: AutoPrintKind): PrintRecord | undefined;
  /** Claimed and never confirmed, oldest first: the terminal stopped while printing them. */
  outstanding(): readonly PrintRecord[];
}

const printRow = z.object({
  payment_id: z.string(),
  kind: z.enum(AUTO_PRINT_KINDS),
  state: z.enum(['claimed', 'printed', 'failed']),
  claimed_at: z.number().int(),
  printed_at: z.number().int().nullable(),
  error: z.string().nullable(),
});

const toRecord = (raw: unknown): PrintRecord => {
  const row = printRow.parse(raw);
  return { paymentId: row.payment_id, kind: row.kind, state: row.state, claimedAt: row.claimed_at, printedAt: row.printed_at, error: row.error };
};

/**
 * The ledger in the journal's own SQLite file (table `prints`, see migrations.ts). When the disk
 * refuses a write (full, read-only…) the printer is not stopped: the slip prints without its claim
 * (this run's printer still prints it once; only a restart could print it again), and a lost
 * outcome leaves the claim owed. `onWriteProblem` hears of each.
 */
export function createSqlitePrintLedger(db: Database.Database, now: () => number, onWriteProblem?: (what: string, problem: JournalDiskError) => void): PrintLedger {
  const folder = dirname(db.name);
  const bestEffort = <T>(what: string, write: () => T, instead: T): T => {
    try {
      return guardWrite(what, write);
    } catch (error) {
      const problem = diskProblem(error, folder);
      if (problem === null) throw error;
      onWriteProblem?.(what, problem);
      return instead;
    }
  };
  const sql = {
    claim: db.prepare<[string, string, number]>("INSERT INTO prints (payment_id, kind, state, claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING"),
    printed: db.prepare<[number, string, string]>("UPDATE prints SET state = 'printed', printed_at = ?, error = NULL WHERE payment_id = ? AND kind = ?"),
    failed: db.prepare<[string, string, string]>("UPDATE prints SET state = 'failed', error = ? WHERE payment_id = ? AND kind = ? AND state <> 'printed'"),
    get: db.prepare<[string, string], unknown>('SELECT payment_id, kind, state, claimed_at, printed_at, error FROM prints WHERE payment_id = ? AND kind = ?'),
    outstanding: db.prepare<[], unknown>("SELECT payment_id, kind, state, claimed_at, printed_at, error FROM prints WHERE state = 'claimed' ORDER BY claimed_at"),
  };
  return {
    claim: (paymentId, kind) => bestEffort(`Print of ${kind} for ${paymentId} not claimed`, () => sql.claim.run(paymentId, kind, now()).changes === 1, true),
    printed: (paymentId, kind) => bestEffort(`Print of ${kind} for ${paymentId} not recorded`, () => void sql.printed.run(now(), paymentId, kind), undefined),
    failed: (paymentId, kind, message) => bestEffort(`Print failure for ${paymentId} not recorded`, () => void sql.failed.run(message, paymentId, kind), undefined),
    get: (paymentId, kind) => {
      const raw = sql.get.get(paymentId, kind);
      return raw === undefined ? undefined : toRecord(raw);
    },
    outstanding: () => sql.outstanding.all().map(toRecord),
  };
}

/** The same promises for a terminal without a journal file (tests, in-memory runs): kept for this run only. */
export function createMemoryPrintLedger(now: () => number): PrintLedger {
  const records = new Map<string, PrintRecord>();
  const key = (paymentId: string, kind: AutoPrintKind) => `${kind}\u0000${paymentId}`;
  const update = (paymentId: string, kind: AutoPrintKind, patch: Partial<PrintRecord>) => {
    const found = records.get(key(paymentId, kind));
    if (found !== undefined) records.set(key(paymentId, kind), { ...found, ...patch });
  };
  return {
    claim: (paymentId, kind) => {
      if (records.has(key(paymentId, kind))) return false;
      records.set(key(paymentId, kind), { paymentId, kind, state: 'claimed', claimedAt: now(), printedAt: null, error: null });
      return true;
    },
    printed: (paymentId, kind) => update(paymentId, kind, { state: 'printed', printedAt: now(), error: null }),
    failed: (paymentId, kind, message) => {
      if (records.get(key(paymentId, kind))?.state !== 'printed') update(paymentId, kind, { state: 'failed', error: message });
    },
    get: (paymentId, kind) => records.get(key(paymentId, kind)),
    outstanding: () => [...records.values()].filter((r) => r.state === 'claimed').sort((a, b) => a.claimedAt - b.claimedAt),
  };
}
