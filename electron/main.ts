import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { app, dialog, session } from 'electron';
import { loadSettingsFile } from './service/config-file';
import { createLogger, type Logger } from './service/logger';
import { createTerminalService, type TerminalService } from './service/terminal-service';
import { parseDisplayId } from './main/display-choice';
import { registerIpc } from './main/ipc';
import { hardenApp, hardenSession } from './main/session-policy';
import { createTerminalWindows, type TerminalWindows } from './main/windows';

/**
 * The Electron shell, kept thin: it finds its files, reads settings, starts the same terminal service
 * the headless host runs, and puts two hardened windows in front of it. Everything else lives in
 * electron/main/ (windows, IPC) and electron/service/ (the terminal itself).
 */

const PRODUCT = 'QR Counter Terminal';
// The bundle runs from dist/electron/; the pages are built beside it under dist/renderer/.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const CASHIER_PAGE = path.join(__dirname, '../renderer/cashier/index.html');
const DISPLAY_PAGE = path.join(__dirname, '../renderer/display/index.html');

const ELECTRON_SQLITE = path.join(
  __dirname,
  '../native',
  `electron-${process.versions.electron ?? 'unknown'}-${process.platform}-${process.arch}`,
  'better_sqlite3.node',
);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function fail(title: string, lines: readonly string[]): void {
  dialog.showErrorBox(title, lines.join('\n'));
  app.exit(1);
}

function openLog(file: string): { log: Logger; stream: WriteStream } {
  // 0600: payment references and provider replies are the shop's business only.
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  stream.on('error', (error) => process.stderr.write(`cannot write ${file}: ${error.message}\n`));
  const log = createLogger((line) => {
    stream.write(`${line}\n`);
    process.stderr.write(`${line}\n`);
  });
  return { log, stream };
}

let windows: TerminalWindows | null = null;

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const settingsFile = path.join(userData, 'settings.json');
  const settings = await loadSettingsFile(settingsFile, true, process.env);
  if (!settings.ok) {
    fail(`${PRODUCT} cannot start`, [
      `The settings file has ${settings.error.length === 1 ? 'a problem' : `${String(settings.error.length)} problems`}:`,
      '',
      ...settings.error.map((line) => `• ${line}`),
      '',
      `Correct ${settingsFile}, or remove it to start with the defaults.`,
    ]);
    return;
  }

  const logFile = path.join(userData, 'terminal.log');
  const { log, stream } = openLog(logFile);
  log.log('info', 'terminal starting', { version: app.getVersion(), electron: process.versions.electron, userData });
  process.on('unhandledRejection', (reason) => {
    log.log('error', 'unhandled rejection', { error: describe(reason) });
  });

  let service: TerminalService;
  try {
    service = await createTerminalService({
      settings: settings.value,
      log,
      dataDir: userData,
      // From a checkout, node_modules holds Node's build of SQLite; `npm start` builds Electron's beside dist/.
      ...(app.isPackaged ? {} : { sqliteBinding: ELECTRON_SQLITE }),
    });
  } catch (error) {
    log.log('error', 'terminal service failed to start', { error: describe(error) });
    stream.end();
    fail(`${PRODUCT} cannot start`, [`The terminal service did not start: ${describe(error)}`, '', `Details are in ${logFile}.`]);
    return;
  }

  hardenSession(session.defaultSession);
  // Handlers go in before the pages load, so their first snapshot request is answered.
  const unregisterIpc = registerIpc(service, () => windows?.trusted() ?? [], log);
  windows = createTerminalWindows({
    preloadPath: PRELOAD,
    cashierPage: CASHIER_PAGE,
    displayPage: DISPLAY_PAGE,
    devTools: !app.isPackaged,
    // The --customer-display=ID switch overrides the setting, for trying out another monitor.
    customerDisplayId:
      parseDisplayId(app.commandLine.getSwitchValue('customer-display') || undefined) ?? settings.value.customerDisplay.displayId ?? undefined,
    log,
    onCashierClosed: () => {
      app.quit();
    },
  });

  // The customer window stays up for the whole run (closing it only minimises it), so it counts from here.
  const detachDisplay = service.attachScreen('display');

  // Quitting waits for the service, so a payment being polled is stopped cleanly and the log is flushed.
  let stopped = false;
  let stopping: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopping ??= (async () => {
      windows?.dispose();
      detachDisplay();
      unregisterIpc();
      try {
        await service.close();
      } catch (error) {
        log.log('error', 'terminal service did not close cleanly', { error: describe(error) });
      }
      log.log('info', 'terminal stopped');
      await new Promise<void>((resolve) => stream.end(resolve));
      stopped = true;
      app.quit();
    })();
  });
}

app.enableSandbox();
hardenApp(app);

if (!app.requestSingleInstanceLock()) {
  // Another terminal is running on this profile; it is told via 'second-instance' and comes forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    windows?.focusCashier();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      fail(`${PRODUCT} cannot start`, [describe(error)]);
    });
}
