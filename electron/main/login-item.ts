import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../app/util/result';

/**
 * `startup.openAtLogin`: start the terminal when the shop's user logs in. macOS and Windows take it
 * through Electron's `app.setLoginItemSettings`; Electron has no login items on Linux, so there the
 * terminal writes (or removes) an XDG autostart entry, `~/.config/autostart/<name>.desktop`, which
 * GNOME, KDE, Xfce, LXQt and most other desktops start at login. Pure planning plus a small file
 * writer, so all of it is tested in plain Node.
 */

/** The part of Electron's `Settings` for `setLoginItemSettings` that we ask for. */
export interface LoginItemRequest {
  readonly openAtLogin: boolean;
  /** Windows: the executable to start; Electron's default is `process.execPath` too, given here to be explicit. */
  readonly path?: string;
  readonly args?: readonly string[];
}

export type LoginItemPlan =
  /** Call `app.setLoginItemSettings(settings)`. */
  | { readonly kind: 'electron'; readonly settings: LoginItemRequest }
  /** Write this desktop entry (`contents`), or remove it (`contents: null`). */
  | { readonly kind: 'xdg-autostart'; readonly file: string; readonly contents: string | null }
  /** Nothing to do, and why (logged). */
  | { readonly kind: 'none'; readonly reason: string };

export interface LoginItemContext {
  readonly platform: NodeJS.Platform;
  readonly openAtLogin: boolean;
  /** `app.isPackaged`: from a checkout, the executable is node_modules' Electron, which must not start at login. */
  readonly packaged: boolean;
  /** `process.execPath`: the installed app's executable. */
  readonly execPath: string;
  /** The environment, for `APPIMAGE` (the AppImage's own path) and `XDG_CONFIG_HOME`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder (`os.homedir()`), for `~/.config` when `XDG_CONFIG_HOME` is unset. */
  readonly homeDir: string;
  readonly productName: string;
  /** The desktop entry's file name without `.desktop`, e.g. the Linux executable's name. */
  readonly desktopName: string;
}

/** Where the XDG autostart entry goes: `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` (relative XDG paths are ignored, as the spec says). */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  return join(configHome !== undefined && configHome.startsWith('/') ? configHome : join(homeDir, '.config'), 'autostart');
}

// The Desktop Entry spec's reserved characters in an Exec argument, which make it need quoting.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument, quoted as the Desktop Entry spec asks: inside double quotes, `"`, `` ` ``, `$`
 * and `\` take a backslash; then the whole value is escaped as a desktop-file string (`\` doubled),
 * and `%` is doubled so it is not read as a field code.
 */
export function execArgument(arg: string): Result<string, string> {
  if (/[\n\r\t]/.test(arg)) return err(`the path ${JSON.stringify(arg)} has a line break or tab, which a desktop entry cannot hold`);
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : arg;
  return ok(quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%'));
}

export function desktopEntry(productName: string, exec: readonly string[]): Result<string, string> {
  const args: string[] = [];
  for (const arg of exec) {
    const quoted = execArgument(arg);
    if (!quoted.ok) return quoted;
    args.push(quoted.value);
  }
  const name = productName.replace(/[\n\r]/g, ' ');
  return ok(
    [
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.0',
      `Name=${name}`,
      `Comment=Starts ${name} when you log in (startup.openAtLogin)`,
      `Exec=${args.join(' ')}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}

/** What to ask of the OS for this setting, on this platform. */
export function planLoginItem(context: LoginItemContext): LoginItemPlan {
  const { platform, openAtLogin } = context;
  if (!context.packaged) {
    return { kind: 'none', reason: 'running from a checkout (npm start): start at login applies to the installed app only' };
  }
  if (platform === 'darwin') return { kind: 'electron', settings: { openAtLogin } };
  if (platform === 'win32') return { kind: 'electron', settings: { openAtLogin, path: context.execPath, args: [] } };
  if (platform !== 'linux') return { kind: 'none', reason: `start at login is not supported on ${platform}` };
  const file = join(autostartDir(context.env, context.homeDir), `${context.desktopName}.desktop`);
  if (!openAtLogin) return { kind: 'xdg-autostart', file, contents: null };
  // An AppImage runs from a temporary mount that is gone after exit; APPIMAGE is the file itself.
  const appImage = context.env.APPIMAGE;
  const executable = appImage !== undefined && appImage !== '' ? appImage : context.execPath;
  const entry = desktopEntry(context.productName, [executable]);
  if (!entry.ok) return { kind: 'none', reason: `start at login was not set up: ${entry.error}` };
  return { kind: 'xdg-autostart', file, contents: entry.value };
}

export type AutostartChange = 'written' | 'removed' | 'unchanged';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Writes the entry (whole, then renamed into place, 0644 like any desktop file) or removes it. Only
 * this one file is ever touched; an entry already as wanted is left alone.
 */
export function applyXdgAutostart(file: string, contents: string | null): Result<AutostartChange, string> {
  let current: string | null = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    // ENOTDIR: a folder on the way is a file, so there is no entry either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return err(`${file} cannot be read: ${message(error)}`);
  }
  try {
    if (contents === null) {
      if (current === null) return ok('unchanged');
      rmSync(file, { force: true });
      return ok('removed');
    }
    if (current === contents) return ok('unchanged');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, contents, { mode: 0o644 });
    // The mode given above is narrowed by the umask; a desktop entry is not a secret.
    chmodSync(temporary, 0o644);
    renameSync(temporary, file);
    return ok('written');
  } catch (error) {
    return err(`Start at login could not be ${contents === null ? 'turned off' : 'set up'} in ${file}: ${message(error)}`);
  }
}
