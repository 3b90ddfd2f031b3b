import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../../app/util/result';
import { readRegularFile } from './regular-file';

/**
 * One terminal per data folder. Two hosts on one journal would both write it and both poll the same
 * sales, so the first to start holds `<dataDir>/terminal.lock`, a small JSON file naming it, and a
 * second is refused with a sentence naming the first. The lock appears whole or not at all: it is
 * written to a private temporary file and hard-linked into place, which fails if the name exists.
 * A lock left by a process that is gone (a crash, a power cut) is taken over.
 */

export const LOCK_FILE = 'terminal.lock';
export type HostKind = 'web' | 'electron';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().max(255),
  startedAt: z.string().max(64),
  kind: z.enum(['web', 'electron']),
});
export type LockHolder = z.infer<typeof holderSchema>;

export interface DataLockOptions {
  /** What this process is, for the sentence a later one shows. */
  readonly kind: HostKind;
  readonly pid?: number;
  readonly hostname?: string;
  readonly now?: () => Date;
  /** Whether a process on this host is still running; `process.kill(pid, 0)` by default. */
  readonly isAlive?: (pid: number) => boolean;
}

export interface DataLock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call more than once (and from an 'exit' handler: it is synchronous). */
  release(): void;
}

/** Signal 0 checks without signalling: EPERM means the process exists under another account. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const two = (n: number): string => String(n).padStart(2, '0');
const when = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  return `${String(date.getFullYear())}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
};

/** "Another QR Counter Terminal (web mode, process 4242, started 2026-12-06 10:02) is using /data. Stop it first, …" */
export function lockedSentence(dir: string, holder: LockHolder, ownHost: string, ownKind: HostKind): string {
  const mode = holder.kind === 'web' ? 'web mode' : 'desktop app';
  const where = holder.host === ownHost ? '' : ` on ${holder.host}`;
  const who = `Another QR Counter Terminal (${mode}, process ${String(holder.pid)}${where}, started ${when(holder.startedAt)}) is using ${dir}.`;
  if (holder.host !== ownHost) return `${who} Stop it first; if that computer no longer runs it, delete ${join(dir, LOCK_FILE)} and start again.`;
  return ownKind === 'web' ? `${who} Stop it first, or start this one with --data pointing at another folder.` : `${who} Stop it first: only one terminal at a time can use its journal.`;
}

/** A private file under a random name, written and synced, so linking it publishes complete contents. */
function writeTemporary(dir: string, content: string): string {
  const path = join(dir, `.${LOCK_FILE}.${randomBytes(12).toString('hex')}.tmp`);
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return path;
}

const unlinkQuietly = (path: string): void => {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
};

/** True when `target` was created with the temporary file's contents; false when the name exists. */
function publish(temporary: string, target: string): boolean {
  try {
    linkSync(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

type Holder = Result<LockHolder | null, string>;

function readHolder(path: string, dir: string): Holder {
  const read = readRegularFile(path, { maxBytes: 4096, followLinks: false, what: 'The lock file' });
  if (!read.ok) return read.error.kind === 'missing' ? ok(null) : err(`${read.error.message}; if no QR Counter Terminal is using ${dir}, delete it and start again.`);
  try {
    const parsed = holderSchema.safeParse(JSON.parse(read.value.bytes.toString('utf8')));
    if (parsed.success) return ok(parsed.data);
  } catch {
    // Reported below, without its contents.
  }
  return err(`The lock file ${path} is damaged, so it cannot tell whether another QR Counter Terminal is using ${dir}; if none is, delete it and start again.`);
}

const same = (a: LockHolder, b: LockHolder): boolean => a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt && a.kind === b.kind;

/** Takes the folder's lock, or says which terminal holds it. The folder must exist. */
export function acquireDataLock(dir: string, options: DataLockOptions): Result<DataLock, string> {
  const path = join(dir, LOCK_FILE);
  const guard = `${path}.takeover`;
  const ownHost = options.hostname ?? hostname();
  const ownPid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processIsAlive;
  const mine: LockHolder = { pid: ownPid, host: ownHost, startedAt: (options.now?.() ?? new Date()).toISOString(), kind: options.kind };
  // A pid equal to ours cannot be a live other terminal: it is a lock from before a restart (containers reuse pids).
  const running = (holder: LockHolder): boolean => holder.host !== ownHost || (holder.pid !== ownPid && isAlive(holder.pid));

  let released = false;
  const lock: DataLock = {
    path,
    release: () => {
      if (released) return;
      released = true;
      const current = readHolder(path, dir);
      if (current.ok && current.value !== null && same(current.value, mine)) unlinkQuietly(path);
    },
  };

  let temporary: string;
  try {
    temporary = writeTemporary(dir, `${JSON.stringify(mine)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(`The lock file cannot be created in ${dir} (${code === 'EACCES' ? 'permission denied' : String(code)}), so the terminal did not start.`);
  }
  try {
    // Bounded: each round either takes the lock, refuses, or saw it change under it.
    for (let round = 0; round < 5; round++) {
      if (publish(temporary, path)) return ok(lock);
      const holder = readHolder(path, dir);
      if (!holder.ok) return holder;
      if (holder.value === null) continue; // released between the two steps
      if (running(holder.value)) return err(lockedSentence(dir, holder.value, ownHost, options.kind));

      // A stale lock: replaced under a guard, so two terminals starting at once cannot both take it over.
      if (!publish(temporary, guard)) {
        const other = readHolder(guard, dir);
        if (other.ok && other.value !== null && running(other.value)) return err(lockedSentence(dir, other.value, ownHost, options.kind));
        unlinkQuietly(guard); // left by a process that died while taking over
        continue;
      }
      try {
        const again = readHolder(path, dir);
        if (again.ok && again.value !== null && same(again.value, holder.value)) {
          // Renamed through a second link, so the temporary file stays for another round.
          const copy = `${temporary}.new`;
          linkSync(temporary, copy);
          try {
            renameSync(copy, path);
          } finally {
            unlinkQuietly(copy);
          }
        }
      } finally {
        unlinkQuietly(guard);
      }
      const now = readHolder(path, dir);
      if (now.ok && now.value !== null && same(now.value, mine)) return ok(lock);
    }
    return err(`The lock file ${path} kept changing while this terminal started; another terminal may be starting on ${dir}. Try again.`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(`The lock file ${path} cannot be written (${code === 'EACCES' ? 'permission denied' : String(code)}), so the terminal did not start.`);
  } finally {
    unlinkQuietly(temporary);
  }
}
