import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../app/engine/clock';
import { settingsSchema, type Settings } from '../../app/settings/settings';
import { createLogger, type Logger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startWebHost, type HostLimits, type WebHost } from '../../electron/web/web-host';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import type { DemoPayment } from '../../app/providers/demo/demo-api';
import { PAGES_DIR } from './paths';

/** Known to the tests only, so they can prove it never reaches a screen, an event or a log. */
export const TEST_DEMO_KEY = 'sk_demo_TEST_0123456789abcdef';

export interface InProcessTerminal {
  readonly service: TerminalService;
  readonly host: WebHost;
  readonly logLines: string[];
  readonly log: Logger;
  /** The terminal's data folder (journal, saved settings, keys), removed on close. */
  readonly dataDir: string;
  close(): Promise<void>;
}

/** The real service and web host in this process, so a test can also read the simulator's records. */
export async function startInProcessTerminal(
  overrides: Record<string, unknown> = {},
  limits: Partial<HostLimits> = {},
  options: { readonly clock?: Clock } = {},
): Promise<InProcessTerminal> {
  const settings: Settings = settingsSchema.parse(overrides);
  const logLines: string[] = [];
  const log = createLogger((line) => logLines.push(line), 'debug');
  // A real SQLite journal in a folder of its own, removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'terminal-data-'));
  const service = await createTerminalService({ settings, log, demoApiKey: TEST_DEMO_KEY, dataDir, ...(options.clock === undefined ? {} : { clock: options.clock }) });
  const host = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log, limits, pairing: service.pairing, ...(options.clock === undefined ? {} : { now: options.clock.now }) });
  return {
    service,
    host,
    logLines,
    log,
    dataDir,
    close: async () => {
      await host.close();
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo simulator's own records: what the provider side holds, to compare with what the screens show. */
export function demoRecords(service: TerminalService): readonly DemoPayment[] {
  const simulator = service.simulators.get('demo') as DemoSimulator | undefined;
  if (simulator === undefined) throw new Error('this terminal runs no demo simulator');
  return simulator.payments();
}
