import { StoreWriteError } from '../../../app/engine/payment-store';
import type { JournalDiskProblem, JournalProblemSaid } from '../../../app/i18n/said/records';

/** What went wrong with the disk, in the cashier's words, and what to do about it. */
export interface DiskProblem {
  /** The same, for a screen to word in its cashier's language. */
  readonly code: JournalDiskProblem;
  readonly summary: string;
  readonly reason: string;
  readonly until: string;
  readonly remedy: (folder: string) => string;
}

const FULL: DiskProblem = { code: 'full', summary: 'Journal: disk full', reason: 'the disk is full', until: 'there is room', remedy: (f) => `free space on the disk that holds ${f}` };
const IO: DiskProblem = {
  code: 'io',
  summary: 'Journal: disk error',
  reason: 'the disk reported a write error',
  until: 'the journal can write again',
  remedy: (f) => `check the disk that holds ${f}`,
};
const READ_ONLY: DiskProblem = {
  code: 'read_only',
  summary: 'Journal: read-only',
  reason: 'the journal file or its disk has become read-only',
  until: 'it can be written again',
  remedy: (f) => `make ${f} writable again`,
};
const DENIED: DiskProblem = {
  code: 'denied',
  summary: 'Journal: no permission',
  reason: 'the terminal is no longer allowed to write to it',
  until: 'the terminal may write to it again',
  remedy: (f) => `check the permissions of ${f}`,
};
const BUSY: DiskProblem = {
  code: 'busy',
  summary: 'Journal: locked',
  reason: 'another program has kept it locked',
  until: 'that program lets go of it',
  remedy: (f) => `close whatever else has the journal in ${f} open`,
};

/** SQLite's and the OS's codes, extended ones by their prefix (SQLITE_IOERR_WRITE is an IOERR). */
function problemFor(code: string): DiskProblem | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return FULL;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return IO;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return READ_ONLY;
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') return DENIED;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return BUSY;
  return null;
}

const codeOf = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;

/**
 * A journal write that failed because of the disk (full, failing, read-only, not allowed, locked):
 * the journal cannot take any write until that is fixed, whatever is written. Carries the reason and
 * remedy apart, so each caller can say what was not saved.
 */
export class JournalDiskError extends StoreWriteError {
  override readonly name = 'JournalDiskError';
  readonly reason: string;
  readonly remedy: string;
  /** What the disk said, and where the journal is: the values of the sentence, for `said`. */
  readonly problem: JournalDiskProblem;
  readonly folder: string;
  constructor(problem: DiskProblem, folder: string) {
    const remedy = problem.remedy(folder);
    const said: JournalProblemSaid = { area: 'records', kind: 'journal_cannot_save', problem: problem.code, folder };
    super(problem.summary, `Cannot save to the journal: ${problem.reason}. No new sale can start until ${problem.until} (${remedy}).`, said);
    this.reason = problem.reason;
    this.remedy = remedy;
    this.problem = problem.code;
    this.folder = folder;
  }
}

/** The disk problem behind a failed write, or null when the failure is about the data, not the disk. */
export function diskProblem(error: unknown, folder: string): JournalDiskError | null {
  if (error instanceof JournalDiskError) return error;
  const code = codeOf(error);
  const problem = code === null ? null : problemFor(code);
  return problem === null ? null : new JournalDiskError(problem, folder);
}

/** Runs a write; a failure caused by the disk comes out as a JournalDiskError with the cashier's sentence. */
export function guardDisk<T>(folder: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw diskProblem(error, folder) ?? error;
  }
}
