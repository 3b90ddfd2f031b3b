import { err, ok, type Result } from '../../app/util/result';

export interface ServeArgs {
  readonly port: number | null;
  readonly host: string | null;
  readonly configPath: string | null;
  /** Where the journal lives; null means the default data folder. */
  readonly dataDir: string | null;
  /** The rotating log file; null means terminal.log in the data folder. */
  readonly logFile: string | null;
  /** Replace the kiosk cashier link with a new one (the old one stops working). */
  readonly newCashierLink: boolean;
  readonly help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [--port N] [--host ADDRESS] [--config FILE] [--data DIR] [--log FILE] [--new-cashier-link]

Runs the terminal without Electron and serves the cashier and customer display pages.
  --port N        listen on port N (0 picks a free port; default from settings, 5170)
  --host ADDRESS  listen address (default 127.0.0.1; use 0.0.0.0 only on a trusted shop network)
  --config FILE   JSON settings file (see README, "Configuration"); also QR_TERMINAL_CONFIG
  --data DIR      folder for the payment journal (default ~/.local/share/qr-counter-terminal); also QR_TERMINAL_DATA
  --log FILE      log file, also written to stderr; kept under 5 MiB with 3 older files beside it
                  (default terminal.log in the data folder); also QR_TERMINAL_LOG
  --new-cashier-link  make a new kiosk cashier link for this machine's browser, shown once;
                  the old one stops working
`;

/** Parses the command line strictly: an unknown or incomplete option is an error, not a guess. */
export function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Result<ServeArgs, string> {
  let port: number | null = null;
  let host: string | null = null;
  let configPath: string | null = env.QR_TERMINAL_CONFIG ?? null;
  let dataDir: string | null = env.QR_TERMINAL_DATA ?? null;
  let logFile: string | null = env.QR_TERMINAL_LOG === undefined || env.QR_TERMINAL_LOG === '' ? null : env.QR_TERMINAL_LOG;
  let help = false;
  let newCashierLink = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--help':
      case '-h':
        help = true;
        break;
      case '--new-cashier-link':
        if (inline !== undefined) return err('--new-cashier-link takes no value');
        newCashierLink = true;
        break;
      case '--port': {
        const text = value();
        if (text === undefined || !/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
          return err(`--port needs a port number from 0 to 65535, got ${text === undefined ? 'nothing' : `"${text}"`}`);
        }
        port = Number(text);
        break;
      }
      case '--host': {
        const text = value();
        if (text === undefined || text === '') return err('--host needs an address, e.g. 127.0.0.1');
        host = text;
        break;
      }
      case '--config': {
        const text = value();
        if (text === undefined || text === '') return err('--config needs a file path');
        configPath = text;
        break;
      }
      case '--data': {
        const text = value();
        if (text === undefined || text === '') return err('--data needs a folder path');
        dataDir = text;
        break;
      }
      case '--log': {
        const text = value();
        if (text === undefined || text === '' || text.startsWith('--')) return err('--log needs a file path, e.g. --log /var/log/qr-terminal/terminal.log');
        logFile = text;
        break;
      }
      default:
        return err(`Unknown option "${arg}"`);
    }
  }
  return ok({ port, host, configPath, dataDir, logFile, newCashierLink, help });
}
