import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServeExpectingExit, startServe } from '../support/serve-process';

/** The built `serve` (run `npm run build` first) and its data folder: one terminal per folder, closed to others. */

let data: string;
beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), 'serve-folder-'));
});
afterEach(() => rmSync(data, { recursive: true, force: true }));

const lockFile = (): string => join(data, 'terminal.lock');
const lockPid = (): number => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid;

describe('npm run serve on a data folder', () => {
  it('refuses a second serve on the same folder, naming the first, and the first removes its lock when it stops', async () => {
    const first = await startServe(['--data', data]);
    let stopped = false;
    try {
      expect(lockPid()).toBe(first.child.pid);
      const second = await runServeExpectingExit(['--port', '0', '--data', data]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`Another QR Counter Terminal (web mode, process ${String(first.child.pid)}, started `);
      expect(second.stderr).toContain(`is using ${data}. Stop it first, or start this one with --data pointing at another folder.`);
      expect(second.stdout).not.toContain('Cashier:');
      // The refused one did not take or remove the first one's lock.
      expect(lockPid()).toBe(first.child.pid);
      expect(await first.stop()).toBe(0);
      stopped = true;
      expect(existsSync(lockFile())).toBe(false);
    } finally {
      if (!stopped) await first.stop();
    }
  });

  it('takes over a lock left by a process that is gone, and releases it on Ctrl+C', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(lockFile(), JSON.stringify({ pid: gone.pid, host: hostname(), startedAt: new Date().toISOString(), kind: 'web' }));
    const serve = await startServe(['--data', data]);
    let exited = false;
    try {
      expect(lockPid()).toBe(serve.child.pid);
      const exit = new Promise<number | null>((resolve) => serve.child.once('exit', (code) => resolve(code)));
      serve.child.kill('SIGINT');
      expect(await exit).toBe(0);
      exited = true;
      expect(existsSync(lockFile())).toBe(false);
    } finally {
      if (!exited) await serve.stop();
    }
  });

  it('tightens an open data folder to 0700 and says so', async () => {
    chmodSync(data, 0o777);
    const serve = await startServe(['--data', data]);
    try {
      expect(statSync(data).mode & 0o777).toBe(0o700);
      expect(serve.stderr()).toContain(`Tightened the permissions of ${data} from 0777 to 0700: it holds provider keys and the journal`);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('refuses a FIFO as --config at once, and never prints a file it cannot parse', async () => {
    const fifo = join(data, 'config.json');
    execFileSync('mkfifo', [fifo]);
    const piped = await runServeExpectingExit(['--config', fifo]);
    // runServeExpectingExit kills a hung child (exit code null); a refusal exits 2 by itself.
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(`The settings file ${fifo} is a named pipe (FIFO)`);

    const shadow = join(data, 'shadow');
    writeFileSync(shadow, 'root:$6$SECRETHASHxyz:19700:0:99999:7:::\n', { mode: 0o600 });
    const parsed = await runServeExpectingExit(['--config', shadow]);
    expect(parsed.code).toBe(2);
    expect(parsed.stderr).toContain(`${shadow}: not valid JSON at line 1, column 1`);
    expect(parsed.stderr).not.toContain('SECRETHASH');
  });
});
