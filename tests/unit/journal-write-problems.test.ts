import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../app/engine/payment-store';
import { diskProblem, guardDisk, JournalDiskError } from '../../electron/service/journal/write-problems';

/** An error as SQLite (through better-sqlite3) or Node's fs raise it: a message and a code. */
const coded = (code: string, message = 'low-level detail'): Error => Object.assign(new Error(message), { code });
const FOLDER = '/var/lib/qr-terminal';

describe('journal writes the disk refuses, in the cashier\'s words', () => {
  it.each([
    ['SQLITE_FULL', 'Journal: disk full', 'Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds /var/lib/qr-terminal).'],
    ['ENOSPC', 'Journal: disk full', 'Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds /var/lib/qr-terminal).'],
    ['SQLITE_IOERR_WRITE', 'Journal: disk error', 'Cannot save to the journal: the disk reported a write error. No new sale can start until the journal can write again (check the disk that holds /var/lib/qr-terminal).'],
    ['SQLITE_IOERR', 'Journal: disk error', 'Cannot save to the journal: the disk reported a write error. No new sale can start until the journal can write again (check the disk that holds /var/lib/qr-terminal).'],
    ['SQLITE_READONLY_DBMOVED', 'Journal: read-only', 'Cannot save to the journal: the journal file or its disk has become read-only. No new sale can start until it can be written again (make /var/lib/qr-terminal writable again).'],
    ['EROFS', 'Journal: read-only', 'Cannot save to the journal: the journal file or its disk has become read-only. No new sale can start until it can be written again (make /var/lib/qr-terminal writable again).'],
    ['EACCES', 'Journal: no permission', 'Cannot save to the journal: the terminal is no longer allowed to write to it. No new sale can start until the terminal may write to it again (check the permissions of /var/lib/qr-terminal).'],
    ['SQLITE_CANTOPEN', 'Journal: no permission', 'Cannot save to the journal: the terminal is no longer allowed to write to it. No new sale can start until the terminal may write to it again (check the permissions of /var/lib/qr-terminal).'],
    ['SQLITE_BUSY', 'Journal: locked', 'Cannot save to the journal: another program has kept it locked. No new sale can start until that program lets go of it (close whatever else has the journal in /var/lib/qr-terminal open).'],
  ])('%s: "%s"', (code, summary, message) => {
    const problem = diskProblem(coded(code), FOLDER);
    expect(problem).toBeInstanceOf(JournalDiskError);
    expect(problem).toBeInstanceOf(StoreWriteError);
    expect({ summary: problem?.summary, message: problem?.message }).toEqual({ summary, message });
    // The raw code and SQLite's own words stay out of what the cashier reads.
    expect(problem?.message).not.toContain(code);
    expect(problem?.message).not.toContain('low-level detail');
  });

  it('leaves a refusal about the data itself (a constraint, a bug) as it was', () => {
    const constraint = coded('SQLITE_CONSTRAINT_TRIGGER', 'a payment never changes currency');
    expect(diskProblem(constraint, FOLDER)).toBeNull();
    expect(diskProblem(new Error('no code at all'), FOLDER)).toBeNull();
    expect(diskProblem({ code: 42 }, FOLDER)).toBeNull();
    expect(diskProblem(null, FOLDER)).toBeNull();
    expect(() =>
      guardDisk(FOLDER, () => {
        throw constraint;
      }),
    ).toThrow(constraint);
  });

  it('guardDisk passes a write through, and turns a disk failure into the sentence', () => {
    expect(guardDisk(FOLDER, () => 7)).toBe(7);
    expect(() =>
      guardDisk(FOLDER, () => {
        throw coded('SQLITE_FULL');
      }),
    ).toThrow(/^Cannot save to the journal: the disk is full\./);
  });
});
