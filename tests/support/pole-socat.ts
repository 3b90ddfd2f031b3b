import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Fails loudly rather than skipping: the pole-display integration tests need a real pty pair. */
export function requireSocat(): void {
  const probe = spawnSync('socat', ['-V'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error('socat is not installed: the pole-display tests need it for a pty pair (apt-get install socat)');
  }
}

/** Polls until `check` holds, or fails with `what` and the last value seen; no timing is asserted. */
export async function poll<T>(what: string, read: () => T, check: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two linked pseudo-terminals, like a serial cable: the terminal opens `hostPath`, the emulator `displayPath`. */
export interface SocatPair {
  readonly hostPath: string;
  readonly displayPath: string;
  /** Kills socat, as unplugging the display would; both ptys vanish. */
  readonly stop: () => Promise<void>;
  /** Starts socat again on the same link paths. */
  readonly start: () => Promise<void>;
}

export function socatPair(dir: string): SocatPair {
  const hostPath = join(dir, 'host');
  const displayPath = join(dir, 'display');
  let child: ChildProcess | null = null;
  let log = '';

  const start = async (): Promise<void> => {
    rmSync(hostPath, { force: true });
    rmSync(displayPath, { force: true });
    log = '';
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${displayPath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child = proc;
    await poll(`socat to create ${hostPath} and ${displayPath} (log: ${log})`, () => existsSync(hostPath) && existsSync(displayPath), Boolean);
    // socat logs "starting data transfer loop" once both ends are ready to carry bytes.
    await poll('socat to start its transfer loop', () => log.includes('starting data transfer loop'), Boolean);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    await exited;
  };

  return { hostPath, displayPath, start, stop };
}
