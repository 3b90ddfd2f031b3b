import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { StandinBrowserWindow } from './browser-window';
import { createStandin, type Standin, type StandinOptions } from './runtime';

/** The real built bundles the stand-in runs: main, and the preload its windows name. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const MAIN_BUNDLE = path.join(ROOT, 'dist/electron/main.cjs');
export const PRELOAD_BUNDLE = path.join(ROOT, 'dist/electron/preload.cjs');

export type Role = 'cashier' | 'display';
export const pageUrlOf = (role: Role): string => `app://terminal/${role}/index.html`;

export interface ShellRun {
  readonly standin: Standin;
  readonly userData: string;
  /** The window showing this screen, once there is one. */
  window(role: Role): Promise<StandinBrowserWindow>;
  page(role: Role): Promise<Page>;
  /** terminal.log's entries so far. */
  logEntries(): Record<string, unknown>[];
  /** Quits through app.quit, waits for the app to end, and cleans up; returns the exit code. */
  stop(): Promise<number>;
}

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export async function startShell(browser: Browser, options: Omit<StandinOptions, 'browser' | 'userData'> & { userData?: string }): Promise<ShellRun> {
  const userData = options.userData ?? mkdtempSync(path.join(tmpdir(), 'qr-standin-'));
  const standin = await createStandin({ version, ...options, browser, userData });
  standin.loadMain(MAIN_BUNDLE);
  const windowOf = (role: Role): Promise<StandinBrowserWindow> => standin.windowAt(pageUrlOf(role));
  let stopped: Promise<number> | null = null;
  return {
    standin,
    userData,
    window: windowOf,
    page: async (role) => standin.page(await windowOf(role)),
    logEntries: () => {
      let text = '';
      try {
        text = readFileSync(path.join(userData, 'terminal.log'), 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    stop: () => {
      stopped ??= (async () => {
        const code = standin.app.exitCode ?? (await standin.quit());
        await standin.dispose();
        if (options.userData === undefined) rmSync(userData, { recursive: true, force: true });
        return code;
      })();
      return stopped;
    },
  };
}
