import { chmodSync, chownSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataFolder } from '../../electron/service/files/data-folder';

let parent: string;
let dir: string;

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'data-folder-'));
  dir = join(parent, 'data');
});

afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

const modeOf = (path: string): number => statSync(path).mode & 0o777;
const isRoot = process.geteuid?.() === 0;

describe('secureDataFolder', () => {
  it('creates a missing folder as 0700 and has nothing to report', () => {
    expect(secureDataFolder(dir)).toEqual({ ok: true, value: { changes: [] } });
    expect(modeOf(dir)).toBe(0o700);
  });

  it('tightens a 0777 folder of ours to 0700 and says so', () => {
    secureDataFolder(dir);
    chmodSync(dir, 0o777);
    expect(secureDataFolder(dir)).toEqual({
      ok: true,
      value: { changes: [`Tightened the permissions of ${dir} from 0777 to 0700: it holds provider keys and the journal`] },
    });
    expect(modeOf(dir)).toBe(0o700);
  });

  it('tightens the terminal’s own readable files to 0600, and leaves other files and links alone', () => {
    secureDataFolder(dir);
    const keys = join(dir, 'credentials.json');
    const journal = join(dir, 'journal.sqlite3-wal');
    const other = join(dir, 'notes.txt');
    const outside = join(parent, 'outside.txt');
    for (const file of [keys, journal, other, outside]) {
      writeFileSync(file, 'x');
      chmodSync(file, 0o644);
    }
    symlinkSync(outside, join(dir, 'devices.json'));
    const result = secureDataFolder(dir);
    expect(result.ok && [...result.value.changes].sort()).toEqual(
      [
        `Tightened the permissions of ${keys} from 0644 to 0600: it is one of the terminal's private files`,
        `Tightened the permissions of ${journal} from 0644 to 0600: it is one of the terminal's private files`,
      ].sort(),
    );
    expect([modeOf(keys), modeOf(journal), modeOf(other), modeOf(outside)]).toEqual([0o600, 0o600, 0o644, 0o644]);
  });

  it('refuses a path that is a file, not a folder', () => {
    writeFileSync(dir, 'x');
    expect(secureDataFolder(dir)).toEqual({ ok: false, error: `The data folder ${dir} is not a folder: start with --data pointing at a folder` });
  });

  it('checks nothing on Windows, where modes mean nothing', () => {
    secureDataFolder(dir);
    chmodSync(dir, 0o777);
    expect(secureDataFolder(dir, { platform: 'win32' })).toEqual({ ok: true, value: { changes: [] } });
    expect(modeOf(dir)).toBe(0o777);
  });

  it('refuses an open folder that belongs to another account (seen through an injected uid)', () => {
    secureDataFolder(dir);
    chmodSync(dir, 0o777);
    const owner = statSync(dir).uid;
    const result = secureDataFolder(dir, { uid: owner + 1 });
    expect(result).toEqual({
      ok: false,
      error:
        `The data folder ${dir} belongs to another user account (uid ${String(owner)}, mode 0777) and is open to others, ` +
        `so the terminal will not keep its journal and keys there: run \`chown <terminal user> ${dir} && chmod 700 ${dir}\` as that account or root, or start with another folder`,
    });
    expect(modeOf(dir)).toBe(0o777);
  });
});

describe.skipIf(!isRoot)('secureDataFolder with a real foreign owner (needs root to chown; CI runs as root)', () => {
  it('refuses a 0777 folder owned by another account, and a private file owned by another account', () => {
    secureDataFolder(dir);
    chownSync(dir, 65534, 65534);
    chmodSync(dir, 0o777);
    const refused = secureDataFolder(dir);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain(`${dir} belongs to another user account (uid 65534, mode 0777)`);
    expect(modeOf(dir)).toBe(0o777);

    chownSync(dir, 0, 0);
    chmodSync(dir, 0o700);
    const keys = join(dir, 'credentials.json');
    writeFileSync(keys, 'x');
    chownSync(keys, 65534, 65534);
    chmodSync(keys, 0o644);
    const file = secureDataFolder(dir);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.error).toContain(`chmod 600 ${keys}`);
  });
});
