import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSettingsFile, settingsFromEnv } from '../service/config-file';
import { createLogger } from '../service/logger';
import { createTerminalService } from '../service/terminal-service';
import { parseServeArgs, SERVE_USAGE } from './serve-args';
import { startWebHost } from './web-host';

/** The XDG data folder, where an unattended terminal keeps its journal unless told otherwise. */
function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME !== undefined && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'qr-counter-terminal');
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

  const log = createLogger((line) => process.stderr.write(`${line}\n`));
  const dataDir = args.value.dataDir ?? defaultDataDir(process.env);
  let service;
  try {
    service = await createTerminalService({ settings, log, dataDir, env: process.env });
  } catch (error) {
    process.stderr.write(`The terminal cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const port = args.value.port ?? settings.web.port;
  let host;
  try {
    host = await startWebHost({ api: service, host: args.value.host ?? settings.web.host, port, pagesDir, log });
  } catch (error) {
    await service.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use: pass --port N (or --port 0 for any free port).\n`
        : `Cannot start the web host: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }

  const mode = service.info.demo ? 'DEMO mode: simulated payments, no real money' : 'LIVE';
  process.stdout.write(
    `QR Counter Terminal \u2014 web mode (${mode})\n` +
      `Merchant: ${service.info.merchantName}\n` +
      `Journal: ${service.journalPath ?? 'in memory'}\n` +
      `Cashier: ${host.urls.cashier}\n` +
      `Display: ${host.urls.display}\n` +
      `Press Ctrl+C to stop.\n`,
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await service.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The terminal stopped on an unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
