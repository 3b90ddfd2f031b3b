import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../app/util/result';

/**
 * The data folder holds the journal and, on a headless host, the provider keys. Another account that
 * can write in it could plant a link where the terminal writes next, or swap the journal, so at
 * start it must be ours and closed to group and others: a folder of ours is tightened to 0700 (and
 * its private files to 0600) with a sentence saying so; one owned by another account is refused.
 */

export interface DataFolderOptions {
  /** `process.platform`: Windows has no POSIX modes (its ACLs come from the user profile), so nothing is checked there. */
  readonly platform?: NodeJS.Platform;
  /** This process's effective user id; `process.geteuid()` by default. */
  readonly uid?: number;
}

/** What was changed, one sentence each, for the log. */
export interface SecuredFolder {
  readonly changes: readonly string[];
}

/** The terminal's own files in the folder; in Electron's user-data folder the rest is Chromium's, and left alone. */
const PRIVATE_NAMES = [
  /^credentials\.(json|enc)$/,
  /^(screen-settings|devices|settings|opn-capability|pos-clients)\.json$/,
  /^pos-api\.sqlite3(-wal|-shm|-journal)?$/,
  /^journal(-demo)?\.sqlite3(-wal|-shm|-journal)?$/,
  /^terminal\.log(\.\d+)?$/,
  /^terminal\.lock$/,
];

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function foreignOwner(path: string, what: string, stats: Stats, fix: string): string {
  return (
    `The ${what} ${path} belongs to another user account (uid ${String(stats.uid)}, mode ${octal(stats.mode)}) and is open to others, ` +
    `so the terminal will not keep its journal and keys there: run \`${fix}\` as that account or root, or start with another folder`
  );
}

function tighten(path: string, what: string, stats: Stats, mode: number, changes: string[]): Result<void, string> {
  try {
    chmodSync(path, mode);
  } catch {
    return err(`The ${what} ${path} is open to other user accounts (mode ${octal(stats.mode)}) and could not be changed: run \`chmod ${mode.toString(8)} ${path}\``);
  }
  const reason = what === 'data folder' ? 'it holds provider keys and the journal' : "it is one of the terminal's private files";
  changes.push(`Tightened the permissions of ${path} from ${octal(stats.mode)} to ${octal(mode)}: ${reason}`);
  return ok(undefined);
}

/** Creates the folder (0700) if needed, then tightens or refuses it and its private files. */
export function secureDataFolder(dir: string, options: DataFolderOptions = {}): Result<SecuredFolder, string> {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return err(`The data folder ${dir} is not a folder: start with --data pointing at a folder`);
    return err(`The data folder ${dir} cannot be created (${code === 'EACCES' ? 'permission denied' : String(code)})`);
  }
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') return ok({ changes: [] });
  const uid = options.uid ?? process.geteuid?.() ?? -1;
  const changes: string[] = [];

  // The folder itself may be a link an admin made (to /var/lib/…); its target is what must be closed.
  const folder = statOrNull(dir, true);
  if (folder === null || !folder.isDirectory()) return err(`The data folder ${dir} is not a folder: start with --data pointing at a folder`);
  if ((folder.mode & 0o077) !== 0) {
    if (folder.uid !== uid) {
      if ((folder.mode & 0o022) !== 0) return err(foreignOwner(dir, 'data folder', folder, `chown <terminal user> ${dir} && chmod 700 ${dir}`));
    } else {
      const tightened = tighten(dir, 'data folder', folder, 0o700, changes);
      if (!tightened.ok) return tightened;
    }
  }

  for (const name of readdirSync(dir)) {
    if (!PRIVATE_NAMES.some((pattern) => pattern.test(name))) continue;
    const path = join(dir, name);
    // Links are not followed here: the readers refuse them, and chmod would change the link's target.
    const stats = statOrNull(path, false);
    if (stats === null || !stats.isFile() || (stats.mode & 0o077) === 0) continue;
    if (stats.uid !== uid) return err(foreignOwner(path, 'file', stats, `chown <terminal user> ${path} && chmod 600 ${path}`));
    const tightened = tighten(path, 'file', stats, 0o600, changes);
    if (!tightened.ok) return tightened;
  }
  return ok({ changes });
}
