import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { connect, type TestClient } from '../support/ws-client';

/** The bench runs as dist/bench/run.cjs: two levels up is the repository. */
const root = join(__dirname, '..', '..');
const PAGES_DIR = join(root, 'dist', 'renderer');

/** As tests/support/chromium.ts launches it (that module is not imported: it would bundle playwright-core). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  // Required at run time from node_modules, not bundled: playwright-core reads its own package files.
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core') as { chromium: BrowserType };
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export const SELECTORS = {
  /** The QR element with its drawing in it: the slot is rendered empty until it has been measured. */
  qr: '[data-testid="qr"] svg, [data-testid="qr"] img',
  idle: '[data-testid="display-state"][data-status="idle"]',
  paid: '[data-testid="display-state"][data-status="paid"]',
} as const;

const BINDING = '__benchPainted';
const PAINT_TIMEOUT_MS = 15_000;

/**
 * Runs in the display page. Watches the DOM for `selector`; once it matches, waits for the next
 * animation frame (the frame that carries the change) and then for the task after it, which runs
 * once that frame's style, layout and paint are done, and only then reports through the binding.
 */
function armInPage(args: { readonly selector: string; readonly token: string; readonly binding: string }): void {
  if (document.querySelector(args.selector) !== null) throw new Error(`${args.selector} is already on the page`);
  const report = (): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const bound = (window as unknown as Record<string, ((token: string) => unknown) | undefined>)[args.binding];
        void bound?.(args.token);
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(args.selector) === null) return;
    observer.disconnect();
    report();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
}

export interface WebCounter {
  readonly service: TerminalService;
  readonly display: Page;
  /** The customer display's link (with its read-only token), for another screen to open. */
  readonly displayUrl: string;
  /** A command over the host's WebSocket with the cashier token, as the cashier page sends it. */
  call<T>(command: string, args: unknown): Promise<T>;
  /**
   * Starts watching the display for `selector`; resolves once the watch is in place. Its `painted`
   * resolves to this process's `performance.now()` when the display page reports the change painted.
   * (Wrapped in an object: an async function cannot resolve to a promise, it would wait for it.)
   */
  armPaint(selector: string): Promise<{ readonly painted: Promise<number> }>;
  waitDisplay(selector: string): Promise<void>;
  /** Cancels a sale still showing its QR (when `cancel`), then clears it, and waits for the display to go idle. */
  endSale(payment: Payment, cancel: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * A counter in web mode: the real terminal service and web host in this process (as
 * tests/support/in-process-terminal.ts builds them, with a real SQLite journal), the cashier and
 * customer display pages open in Chromium side by side, and a WebSocket client with the cashier token.
 */
export async function startWebCounter(browser: Browser, overrides: Record<string, unknown>): Promise<WebCounter> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep cleaning up the rest.
      }
    }
  };
  try {
    const logTail: string[] = [];
    const log = createLogger((line) => {
      logTail.push(line);
      if (logTail.length > 50) logTail.shift();
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const service = await createTerminalService({ settings: settingsSchema.parse(overrides), log, dataDir });
    cleanups.push(() => service.close());
    const host: WebHost = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log });
    cleanups.push(() => host.close());

    const contexts: BrowserContext[] = [];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1280, height: 720 }]) {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      cleanups.push(() => context.close());
    }
    const [cashierContext, displayContext] = contexts as [BrowserContext, BrowserContext];
    const cashier = await cashierContext.newPage();
    const display = await displayContext.newPage();
    const waiting = new Map<string, (at: number) => void>();
    await display.exposeFunction(BINDING, (token: string) => {
      const at = performance.now();
      waiting.get(token)?.(at);
      waiting.delete(token);
    });
    await Promise.all([cashier.goto(host.urls.cashier), display.goto(host.urls.display)]);
    await display.waitForSelector(SELECTORS.idle);
    await cashier.waitForSelector('[data-testid="demo-banner"]');
    const visibility = await display.evaluate(() => document.visibilityState);
    if (visibility !== 'visible') throw new Error(`the display page is ${visibility}: its frames would be throttled`);

    const token = new URL(host.urls.cashier).searchParams.get('token') ?? '';
    const client: TestClient = await connect(`ws://127.0.0.1:${host.port}/api?token=${token}`);
    cleanups.push(() => client.close());

    const call = async <T>(command: string, args: unknown): Promise<T> => {
      const message = await client.command(command, args);
      if (message.type !== 'result') throw new Error(`${command}: ${JSON.stringify(message)}`);
      if (!message.result.ok) throw new Error(`${command}: ${message.result.error.message}\n${logTail.slice(-5).join('\n')}`);
      return message.result.value as T;
    };

    let nextToken = 0;
    const armPaint = async (selector: string): Promise<{ readonly painted: Promise<number> }> => {
      const id = String(nextToken++);
      const painted = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the display did not paint ${selector} within ${PAINT_TIMEOUT_MS} ms\n${logTail.slice(-5).join('\n')}`));
        }, PAINT_TIMEOUT_MS);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      painted.catch(() => undefined); // Handled by whoever awaits it; never an unhandled rejection.
      await display.evaluate(armInPage, { selector, token: id, binding: BINDING });
      return { painted };
    };

    const waitDisplay = async (selector: string): Promise<void> => {
      await display.waitForSelector(selector, { timeout: PAINT_TIMEOUT_MS });
    };

    const endSale = async (payment: Payment, cancel: boolean): Promise<void> => {
      if (cancel) {
        const cancelled = await call<Payment>('cancel', { paymentId: payment.id });
        if (cancelled.state.status !== 'cancelled') throw new Error(`cancel left the sale ${cancelled.state.status}`);
      }
      await call('dismiss', { paymentId: payment.id });
      await waitDisplay(SELECTORS.idle);
    };

    return { service, display, displayUrl: host.urls.display, call, armPaint, waitDisplay, endSale, close };
  } catch (error) {
    await close();
    throw error;
  }
}
