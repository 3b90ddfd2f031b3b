import { homedir } from 'node:os';
import path from 'node:path';
import { app, crashReporter, dialog, protocol, safeStorage, session } from 'electron';
import type { Settings } from '../app/settings/settings';
import { loadSettingsFile } from './service/settings/config-file';
import { secureDataFolder, type SecuredFolder } from './service/files/data-folder';
import { acquireDataLock } from './service/files/data-lock';
import { createLogger, type Logger } from './service/logging/logger';
import { openRotatingLog, type RotatingLog } from './service/logging/rotating-log';
import { createTerminalService, type TerminalService } from './service/terminal/terminal-service';
import { crashDumpsDir, crashReporterOptions, installCrashLogging } from './main/crash-log';
import { createCredentialVault } from './main/credential-vault';
import { parseDisplayId } from './main/display-choice';
import { registerIpc } from './main/ipc';
import { applyXdgAutostart, planLoginItem } from './main/login-item';
import { quitAfterService } from './main/quit-after-service';
import { registerPageScheme, servePages } from './main/page-protocol';
import { hardenApp, hardenSession } from './main/session-policy';
import { createTerminalWindows, type TerminalWindows } from './main/windows';

/**
 * The Electron shell, kept thin: it finds its files, reads settings, starts the same terminal service
 * the headless host runs, and puts its hardened windows in front of it (the cashier's, and the customer's on a second monitor). Everything else lives in
 * electron/main/ (windows, IPC) and electron/service/ (the terminal itself).
 */

const PRODUCT = 'QR Counter Terminal';
// The bundle runs from dist/electron/; the pages are built beside it under dist/renderer/ and served as app://terminal/.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '../renderer');

const ELECTRON_SQLITE = path.join(
  __dirname,
  '../native',
  `electron-${process.versions.electron ?? 'unknown'}-${process.platform}-${process.arch}`,
  'better_sqlite3.node',
);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The name of the Linux executable and of its XDG autostart entry (electron-builder.yml's linux.executableName). */
const LINUX_NAME = 'qr-counter-terminal';

function fail(title: string, lines: readonly string[]): void {
  dialog.showErrorBox(title, lines.join('\n'));
  app.exit(1);
}

function openLog(file: string): { log: Logger; sink: RotatingLog } {
  // 0600, rotated at 5 MiB with 3 older files kept; written synchronously, so a line logged just
  // before a crash is on disk, and a full disk drops lines and says so once on stderr.
  const sink = openRotatingLog({ file, report: (message) => process.stderr.write(`${message}\n`) });
  const log = createLogger((line) => {
    sink.write(line);
    process.stderr.write(`${line}\n`);
  });
  return { log, sink };
}

/** `startup.openAtLogin`, applied through Electron on macOS and Windows and an XDG autostart entry on Linux. */
function applyLoginItem(openAtLogin: boolean, log: Logger): void {
  const plan = planLoginItem({
    platform: process.platform,
    openAtLogin,
    packaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    homeDir: homedir(),
    productName: PRODUCT,
    desktopName: LINUX_NAME,
  });
  switch (plan.kind) {
    case 'electron':
      app.setLoginItemSettings({
        openAtLogin: plan.settings.openAtLogin,
        ...(plan.settings.path === undefined ? {} : { path: plan.settings.path }),
        ...(plan.settings.args === undefined ? {} : { args: [...plan.settings.args] }),
      });
      log.log('info', 'start at login', { openAtLogin });
      return;
    case 'xdg-autostart': {
      const applied = applyXdgAutostart(plan.file, plan.contents);
      if (applied.ok) log.log('info', 'start at login', { openAtLogin, autostart: plan.file, change: applied.value });
      else log.log('error', 'start at login not applied', { openAtLogin, error: applied.error });
      return;
    }
    case 'none':
      log.log('info', 'start at login not applied', { openAtLogin, reason: plan.reason });
      return;
    default:
      return plan satisfies never;
  }
}

let windows: TerminalWindows | null = null;

/** The data folder made ours and locked to this terminal; null once the reason is shown. */
function claimDataFolder(userData: string): { readonly folder: SecuredFolder; readonly releaseLock: () => void } | null {
  // The folder holds the journal and the keys: ours and closed to others, and used by one terminal at a time.
  const folder = secureDataFolder(userData);
  if (!folder.ok) {
    fail(`${PRODUCT} cannot start`, [folder.error]);
    return null;
  }
  const lock = acquireDataLock(userData, { kind: 'electron' });
  if (!lock.ok) {
    fail(`${PRODUCT} cannot start`, [lock.error]);
    return null;
  }
  const releaseLock = (): void => lock.value.release();
  // app.exit skips 'will-quit', so each exit path below releases it too; releasing twice is harmless.
  app.on('will-quit', releaseLock);
  process.once('exit', releaseLock);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  return { folder: folder.value, releaseLock };
}

/** settings.json from the data folder; null once its problems are shown (and the lock let go). */
async function readSettings(userData: string, releaseLock: () => void): Promise<Settings | null> {
  const settingsFile = path.join(userData, 'settings.json');
  // In the data folder, so a link there is refused like any other planted file.
  const settings = await loadSettingsFile(settingsFile, true, process.env, { followLinks: false });
  if (settings.ok) return settings.value;
  releaseLock();
  fail(`${PRODUCT} cannot start`, [
    `The settings file has ${settings.error.length === 1 ? 'a problem' : `${String(settings.error.length)} problems`}:`,
    '',
    ...settings.error.map((line) => `• ${line}`),
    '',
    `Correct ${settingsFile}, or remove it to start with the defaults.`,
  ]);
  return null;
}

/** What the steps after the log is open share: where it goes, and how to let go of the data folder. */
interface Started {
  readonly userData: string;
  readonly log: Logger;
  readonly sink: RotatingLog;
  readonly logFile: string;
  readonly releaseLock: () => void;
}

/** The terminal service with the provider keys' vault; null once the reason is shown (log closed, lock let go). */
async function startService(started: Started, settings: Settings): Promise<TerminalService | null> {
  const { userData, log, sink, logFile, releaseLock } = started;
  // Provider keys set on the settings screen, encrypted by the OS keychain (safeStorage needs 'ready').
  const vault = await createCredentialVault({ safeStorage, userDataDir: userData, platform: process.platform });
  log.log('info', 'provider keys storage', { file: vault.path, needsConsent: vault.protection.needsConsent, description: vault.protection.description });
  try {
    return await createTerminalService({
      settings,
      log,
      dataDir: userData,
      credentials: vault,
      // The settings screen's monitor picker; the windows exist only once the service is up.
      monitors: {
        list: () => windows?.monitors() ?? [],
        use: (displayId) => windows?.useCustomerDisplay(displayId ?? undefined),
      },
      // The settings screen shows what the environment sets as locked.
      env: process.env,
      // From a checkout, node_modules holds Node's build of SQLite; `npm start` builds Electron's beside dist/.
      ...(app.isPackaged ? {} : { sqliteBinding: ELECTRON_SQLITE }),
    });
  } catch (error) {
    log.log('error', 'terminal service failed to start', { error: describe(error) });
    sink.close();
    releaseLock();
    fail(`${PRODUCT} cannot start`, [`The terminal service did not start: ${describe(error)}`, '', `Details are in ${logFile}.`]);
    return null;
  }
}

/** Start at login follows the setting, now and whenever the settings screen changes it; returns the unsubscribe. */
function followLoginItem(service: TerminalService, log: Logger): () => void {
  let openAtLogin = service.settings.startup.openAtLogin;
  applyLoginItem(openAtLogin, log);
  return service.subscribe((event) => {
    if (event !== 'terminal' || service.settings.startup.openAtLogin === openAtLogin) return;
    openAtLogin = service.settings.startup.openAtLogin;
    applyLoginItem(openAtLogin, log);
  });
}

/** The pages, the IPC handlers and the windows, in the order the pages need them; returns what quitting undoes. */
function openWindows(service: TerminalService, log: Logger): () => void {
  // The windows use the default session: app://terminal/ serves the built pages there, and file: serves nothing.
  servePages(session.defaultSession.protocol, RENDERER_DIR, log);
  hardenSession(session.defaultSession);
  // Handlers go in before the pages load, so their first snapshot request is answered.
  const unregisterIpc = registerIpc(service, () => windows?.trusted() ?? [], log);
  windows = createTerminalWindows({
    preloadPath: PRELOAD,
    devTools: !app.isPackaged,
    // The --customer-display=ID switch overrides the setting, for trying out another monitor.
    customerDisplayId:
      parseDisplayId(app.commandLine.getSwitchValue('customer-display') || undefined) ?? service.settings.customerDisplay.displayId ?? undefined,
    log,
    // The customer window counts as a customer display while it is up (none with one monitor), so a
    // QR slip prints by itself without it; the device bar says why there is none.
    customerScreen: {
      attach: () => service.attachScreen('display'),
      note: (note) => service.noteCustomerWindow(note),
    },
    onCashierClosed: () => {
      app.quit();
    },
  });

  const unsubscribeSettings = followLoginItem(service, log);
  return () => {
    windows?.dispose();
    unsubscribeSettings();
    unregisterIpc();
  };
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const claimed = claimDataFolder(userData);
  if (claimed === null) return;
  const { folder, releaseLock } = claimed;
  const settings = await readSettings(userData, releaseLock);
  if (settings === null) return;

  const logFile = path.join(userData, 'terminal.log');
  const { log, sink } = openLog(logFile);
  log.log('info', 'terminal starting', { version: app.getVersion(), electron: process.versions.electron, userData });
  log.log('info', 'crash dumps are kept locally', { dir: app.getPath('crashDumps') });
  for (const change of folder.changes) log.log('warn', change);
  // Replaced once the service is up; until then a fatal error ends the app at once (the log is written synchronously).
  let quitWith: (exitCode: number) => void = (exitCode) => {
    releaseLock();
    sink.close();
    app.exit(exitCode);
  };
  installCrashLogging({ process, app, log, onFatal: () => quitWith(1) });

  const service = await startService({ userData, log, sink, logFile, releaseLock }, settings);
  if (service === null) return;
  const closeWindows = openWindows(service, log);
  quitWith = quitAfterService({ app, service, log, sink, releaseLock, closeWindows });
}

app.enableSandbox();
hardenApp(app);
// Electron takes privileged schemes only before 'ready', and only once.
registerPageScheme(protocol);
// Native crashes of any process leave a minidump in <userData>/Crashpad; nothing is uploaded.
app.setPath('crashDumps', crashDumpsDir(app.getPath('userData')));
crashReporter.start(crashReporterOptions(PRODUCT));

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
