import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, LOCK_FILE, lockedSentence, type LockHolder } from '../../electron/service/files/data-lock';
import { bundleChildScript, type ChildScript } from '../support/child-script';

const STARTED = new Date(2026, 11, 6, 10, 2, 30);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'data-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = (): string => join(dir, LOCK_FILE);
const holderOnDisk = (): LockHolder => JSON.parse(readFileSync(lockPath(), 'utf8')) as LockHolder;
const plant = (holder: LockHolder): void => writeFileSync(lockPath(), JSON.stringify(holder), { mode: 0o600 });
const alive = (pids: readonly number[]) => (pid: number) => pids.includes(pid);

describe('acquireDataLock', () => {
  it('writes who holds the folder, and refuses a second terminal naming the first', () => {
    const first = acquireDataLock(dir, { kind: 'web', pid: 4242, now: () => STARTED, isAlive: alive([4242]) });
    expect(first.ok).toBe(true);
    expect(holderOnDisk()).toEqual({ pid: 4242, host: hostname(), startedAt: STARTED.toISOString(), kind: 'web' });

    const second = acquireDataLock(dir, { kind: 'web', pid: 5000, isAlive: alive([4242]) });
    expect(second).toEqual({
      ok: false,
      error: `Another QR Counter Terminal (web mode, process 4242, started 2026-12-06 10:02) is using ${dir}. Stop it first, or start this one with --data pointing at another folder.`,
    });
    const electron = acquireDataLock(dir, { kind: 'electron', pid: 5001, isAlive: alive([4242]) });
    expect(electron.ok ? '' : electron.error).toContain('Stop it first: only one terminal at a time can use its journal.');
    // The refused ones left the holder's lock as it was, and no temporary files.
    expect(holderOnDisk().pid).toBe(4242);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('takes over a lock whose process is gone, and a lock with its own pid (a restarted container)', () => {
    plant({ pid: 999_999, host: hostname(), startedAt: STARTED.toISOString(), kind: 'electron' });
    const taken = acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([]) });
    expect(taken.ok).toBe(true);
    expect(holderOnDisk().pid).toBe(4242);
    if (taken.ok) taken.value.release();

    plant({ pid: 4242, host: hostname(), startedAt: STARTED.toISOString(), kind: 'web' });
    expect(acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([4242]) }).ok).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('uses the real process table by default: a live pid refuses, a dead one is taken over', async () => {
    const child = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      plant({ pid: child.pid!, host: hostname(), startedAt: STARTED.toISOString(), kind: 'web' });
      const refused = acquireDataLock(dir, { kind: 'web' });
      expect(refused.ok ? '' : refused.error).toContain(`process ${String(child.pid)}`);
    } finally {
      child.stdin.end();
      await exited;
    }
    expect(acquireDataLock(dir, { kind: 'web' }).ok).toBe(true);
  });

  it('refuses a lock from another computer, since it cannot tell whether that one still runs', () => {
    plant({ pid: 77, host: 'till-2', startedAt: STARTED.toISOString(), kind: 'web' });
    const result = acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([]) });
    expect(result).toEqual({
      ok: false,
      error: `Another QR Counter Terminal (web mode, process 77 on till-2, started 2026-12-06 10:02) is using ${dir}. Stop it first; if that computer no longer runs it, delete ${lockPath()} and start again.`,
    });
  });

  it('refuses a damaged or linked lock file without quoting it', () => {
    writeFileSync(lockPath(), 'root:$6$SECRET');
    const damaged = acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([]) });
    expect(damaged.ok ? '' : damaged.error).toContain(`The lock file ${lockPath()} is damaged`);
    expect(damaged.ok ? '' : damaged.error).not.toContain('SECRET');

    rmSync(lockPath());
    writeFileSync(join(dir, 'elsewhere'), JSON.stringify({ pid: 1, host: hostname(), startedAt: '', kind: 'web' }));
    symlinkSync(join(dir, 'elsewhere'), lockPath());
    const linked = acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([]) });
    expect(linked.ok ? '' : linked.error).toContain('is a symbolic link');
  });

  it('releases only its own lock, once', () => {
    const lock = acquireDataLock(dir, { kind: 'web', pid: 4242, isAlive: alive([]) });
    if (!lock.ok) throw new Error(lock.error);
    lock.value.release();
    expect(existsSync(lockPath())).toBe(false);
    // Someone else's lock appears later; a second release of ours must not remove it.
    plant({ pid: 5000, host: hostname(), startedAt: STARTED.toISOString(), kind: 'web' });
    lock.value.release();
    expect(existsSync(lockPath())).toBe(true);
  });

  it('words the start time plainly', () => {
    const holder: LockHolder = { pid: 1, host: 'h', startedAt: 'not a date', kind: 'electron' };
    expect(lockedSentence('/d', holder, 'h', 'web')).toContain('(desktop app, process 1, started at an unknown time)');
  });
});

describe('several terminals starting at once on a stale lock', () => {
  let child: ChildScript;
  let childFile: string;
  beforeAll(async () => {
    child = await bundleChildScript('locker', `
import { writeSync } from 'node:fs';
import { acquireDataLock } from './electron/service/files/data-lock';
const result = acquireDataLock(process.argv[2], { kind: 'web' });
writeSync(1, (result.ok ? 'won' : 'lost') + '\\n');
// Hold it until the test has heard from everyone, so a winner's exit cannot hand it to a latecomer.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`);
    childFile = child.file;
  });
  afterAll(() => child.remove());

  it('lets exactly one take it over', async () => {
    // A pid that really is gone: a process that has just exited.
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    plant({ pid: gone.pid!, host: hostname(), startedAt: STARTED.toISOString(), kind: 'web' });
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, [childFile, dir], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const answers = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.endsWith('\n')) resolve(out.trim());
            });
            child.once('exit', (code) => reject(new Error(`a child exited (${String(code)}) before answering`)));
          }),
      ),
    );
    const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) child.stdin.end();
    await Promise.all(exits);
    expect(answers.filter((answer) => answer === 'won')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'lost')).toHaveLength(3);
  });
});
