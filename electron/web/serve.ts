import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSettingsFile, settingsFromEnv } from '../service/settings/config-file';
import { secureDataFolder } from '../service/files/data-folder';
import { acquireDataLock } from '../service/files/data-lock';
import { installLastResort } from '../service/logging/last-resort';
import { createLogger, type Logger } from '../service/logging/logger';
import { openRotatingLog, type RotatingLog } from '../service/logging/rotating-log';
import { createTerminalService, type TerminalService } from '../service/terminal/terminal-service';
import { kioskBase, noKioskLink } from './kiosk-link';
import { parseServeArgs, SERVE_USAGE } from './serve-args';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

/** The XDG data folder, where an unattended terminal keeps its journal unless told otherwise. */
function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME !== undefined && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'qr-counter-terminal');
}

/** A shutdown that takes longer than this (the devices have their own, shorter bounds) is cut short. */
const SHUTDOWN_LIMIT_MS = 20_000;

/** To stderr and a rotating file (5 MiB, 3 older kept, 0600). */
function openServeLog(file: string): { readonly log: Logger; readonly logFile: RotatingLog } {
  const logFile = openRotatingLog({ file, report: (text) => process.stderr.write(`${text}\n`) });
  const log = createLogger((line) => {
    logFile.write(line);
    process.stderr.write(`${line}\n`);
  });
  return { log, logFile };
}

/** The web host in front of the service; null once said on stderr why it could not listen (the service is closed then). */
async function startHostOrSay(service: TerminalService, where: Omit<WebHostOptions, 'api'>): Promise<WebHost | null> {
  try {
    return await startWebHost({ api: service, ...where });
  } catch (error) {
    await service.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${where.port} is already in use: pass --port N (or --port 0 for any free port).\n`
        : `Cannot start the web host: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return null;
  }
}

/** The kiosk link's line: the link itself the one time it is made, else where it went. Nothing in memory mode. */
function kioskLine(service: TerminalService, host: WebHost, listen: string, renew: boolean): string {
  if (service.journalPath === null) return '';
  const base = kioskBase(listen, host.port);
  if (base === null) return `${noKioskLink(listen)}\n`;
  const token = service.pairing.makeCashierLink(renew);
  if (token === null) return 'Kiosk cashier link: the one shown when it was made (this machine only); --new-cashier-link replaces it.\n';
  return `Kiosk cashier link (this machine only, kept across restarts; shown only now, so save it): ${base}/cashier/?token=${token}\n`;
}

/** Where a till reaches the POS API, when it is on (docs/pos-api.md); why not, when it cannot listen. */
async function posApiLine(service: TerminalService): Promise<string> {
  const { url, problem } = service.posApi;
  if (url === null) return problem === null ? '' : `POS API: not listening: ${problem}\n`;
  // On the LAN each till pins the certificate: the fingerprint is here as on the settings panel (never its key).
  const status = await service.posApi.commands.getPosApiStatus();
  const certificate = status.ok ? status.value.certificate : null;
  const pin = certificate === null ? '' : `; tills pin its certificate, SHA-256 fingerprint ${certificate.fingerprint256}`;
  return `POS API: ${url}/v1/ (keys under Settings \u2192 POS keys${pin})\n`;
}

/** What the person who started it needs: the mode, the journal, and the two links with their tokens. */
function announce(service: TerminalService, host: WebHost, kiosk: string, posApi: string): void {
  const mode = service.info.demo ? 'DEMO mode: simulated payments, no real money' : 'LIVE';
  process.stdout.write(
    `QR Counter Terminal \u2014 web mode (${mode})\n` +
      `Merchant: ${service.info.merchantName}\n` +
      `Journal: ${service.journalPath ?? 'in memory'}\n` +
      `Cashier: ${host.urls.cashier}\n` +
      `Display: ${host.urls.display}\n` +
      kiosk +
      `Pair a tablet as the customer display: open /display/ on it (no token) and type its code under Devices.\n` +
      posApi +
      `Press Ctrl+C to stop.\n`,
  );
}

/** `npm run serve`: the whole terminal in plain Node, its pages served to any browser. */
async function main(): Promise<number> {
  const args = parseServeArgs(process.argv.slice(2), process.env);
  if (!args.ok) {
    process.stderr.write(`${args.error}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (args.value.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const loaded = args.value.configPath === null ? settingsFromEnv(process.env) : await loadSettingsFile(args.value.configPath, false, process.env);
  if (!loaded.ok) {
    process.stderr.write(`The settings are not valid:\n${loaded.error.map((line) => `  - ${line}`).join('\n')}\n`);
    return 2;
  }
  const settings = loaded.value;
  const pagesDir = join(__dirname, '..', 'renderer');
  if (!existsSync(join(pagesDir, 'cashier', 'index.html'))) {
    process.stderr.write(`The pages are not built (${pagesDir} is missing them): run \`npm run build\` first.\n`);
    return 1;
  }

  const dataDir = args.value.dataDir ?? defaultDataDir(process.env);
  // The file opens at the first line, which comes after the folder check below, so it is never created in a folder left open.
  const { log, logFile } = openServeLog(args.value.logFile ?? join(dataDir, 'terminal.log'));
  const folder = secureDataFolder(dataDir);
  if (!folder.ok) {
    process.stderr.write(`The terminal cannot start: ${folder.error}\n`);
    return 1;
  }
  for (const change of folder.value.changes) log.log('warn', change);
  // One terminal per journal; the lock goes on every exit, process.exit included (release is synchronous).
  const lock = acquireDataLock(dataDir, { kind: 'web' });
  if (!lock.ok) {
    process.stderr.write(`${lock.error}\n`);
    return 1;
  }
  process.once('exit', () => lock.value.release());

  // Resolved by Ctrl+C, SIGTERM, or an error the last-resort handler judges fatal, with the exit code.
  let requestStop: (code: number) => void = () => undefined;
  const stopRequested = new Promise<number>((resolve) => (requestStop = resolve));
  process.once('SIGINT', () => requestStop(0));
  process.once('SIGTERM', () => requestStop(0));
  installLastResort({ process, log, onFatal: () => requestStop(1) });

  let service: TerminalService;
  try {
    service = await createTerminalService({ settings, log, dataDir, env: process.env });
  } catch (error) {
    process.stderr.write(`The terminal cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const listen = args.value.host ?? settings.web.host;
  const host = await startHostOrSay(service, { host: listen, port: args.value.port ?? settings.web.port, pagesDir, log, pairing: service.pairing });
  if (host === null) return 1;
  announce(service, host, kioskLine(service, host, listen, args.value.newCashierLink), await posApiLine(service));

  const exitCode = await stopRequested;
  setTimeout(() => {
    log.log('error', 'shutdown took too long; exiting', { limitMs: SHUTDOWN_LIMIT_MS });
    process.exit(exitCode === 0 ? 1 : exitCode);
  }, SHUTDOWN_LIMIT_MS).unref();
  await host.close();
  await service.close();
  logFile.close();
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The terminal stopped on an unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
