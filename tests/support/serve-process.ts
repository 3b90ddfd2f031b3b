import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVE_SCRIPT } from './paths';

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly cashierUrl: string;
  readonly displayUrl: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  stop(): Promise<number | null>;
}

/** Runs the real `serve` entry point as a child process and waits for the two URLs it prints; `env` adds to this process's. */
export function startServe(args: readonly string[] = [], timeoutMs = 20_000, env: Readonly<Record<string, string>> = {}): Promise<ServeProcess> {
  // Each run gets its own journal folder unless the test names one, so runs never resume each other's sales.
  const data = args.includes('--data') ? [] : ['--data', mkdtempSync(join(tmpdir(), 'serve-data-'))];
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0', ...data, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let errText = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errText += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const code = await exited;
    if (data[1] !== undefined) rmSync(data[1], { recursive: true, force: true });
    return code;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve printed no URLs within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${errText}`));
    }, timeoutMs);
    const check = () => {
      const cashier = /^Cashier: (\S+)$/m.exec(out)?.[1];
      const display = /^Display: (\S+)$/m.exec(out)?.[1];
      if (cashier !== undefined && display !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve({ child, cashierUrl: cashier, displayUrl: display, stdout: () => out, stderr: () => errText, stop });
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${String(code)} before printing URLs.\nstdout: ${out}\nstderr: ${errText}`));
    });
  });
}

/** Runs `serve` expecting it to fail, and returns its exit code and output. */
export function runServeExpectingExit(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const data = mkdtempSync(join(tmpdir(), 'serve-data-'));
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--data', data, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(data, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    }),
  );
}
