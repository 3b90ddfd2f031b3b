import { spawn } from 'node:child_process';

/**
 * A pseudo-terminal whose every byte comes out on socat's stdout: a character device that stands in
 * for a write-only printer (/dev/usb/lp0), so what the terminal wrote can be read back on the far end.
 */
export interface PtySink {
  /** The pty's device path, e.g. /dev/pts/4. */
  readonly path: string;
  /** Everything written to the pty so far. */
  readonly received: () => Buffer;
  /** Resolves once at least `length` bytes have arrived (rejects if socat ends first). */
  readonly untilLength: (length: number) => Promise<Buffer>;
  readonly stop: () => Promise<void>;
}

export function ptySink(): Promise<PtySink> {
  // -u: one way only, pty to stdout; the pty stays up when a writer closes it.
  const proc = spawn('socat', ['-d', '-d', '-u', 'pty,raw,echo=0', 'STDOUT'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let data = Buffer.alloc(0);
  const waiters = new Set<() => void>();
  proc.stdout.on('data', (chunk: Buffer) => {
    data = Buffer.concat([data, chunk]);
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const untilLength = (length: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (data.length >= length) {
          waiters.delete(check);
          resolve(data);
        } else if (proc.exitCode !== null) {
          waiters.delete(check);
          reject(new Error(`socat ended after ${data.length} of ${length} bytes`));
        }
      };
      waiters.add(check);
      void exited.then(check);
      check();
    });
  return new Promise((resolve, reject) => {
    let log = '';
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`socat exited (${code}) before its pty was ready: ${log}`)));
    proc.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const path = /PTY is (\S+)/.exec(log)?.[1];
      if (path === undefined || !log.includes('starting data transfer loop')) return;
      resolve({
        path,
        received: () => data,
        untilLength,
        stop: async () => {
          if (proc.exitCode === null) {
            proc.kill('SIGTERM');
            await exited;
          }
        },
      });
    });
  });
}
