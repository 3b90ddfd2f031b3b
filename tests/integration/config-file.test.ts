import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettingsFile } from '../../electron/service/settings/config-file';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-file-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string, mode: number): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
};

const LIVE_KEY = 'skey_test_5xLIVEKEYVALUE0000';
const WITH_KEY = JSON.stringify({ providers: { opn: { secretKey: LIVE_KEY } } });
const SHADOW = 'root:$6$SECRETHASHvalue1234567890$abcdefghijklmnop:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n';

const errorsOf = async (...args: Parameters<typeof loadSettingsFile>): Promise<string> => {
  const result = await loadSettingsFile(...args);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.join('\n');
};

describe('loadSettingsFile: who may read a file holding a key', () => {
  it('refuses a 0644 config file that holds a provider key, with the chmod to run', async () => {
    const path = write('shop.json', WITH_KEY, 0o644);
    const message = await errorsOf(path);
    expect(message).toBe(`${path} holds a provider key but other user accounts can read it (mode 0644): run \`chmod 600 ${path}\` and start again`);
    expect(message).not.toContain(LIVE_KEY);
  });

  it('refuses an Orangepill key in a group-readable file too, and accepts both keys at 0600', async () => {
    const orangepill = JSON.stringify({ providers: { orangepill: { apiKey: 'op-key-123456789', merchantAlias: '@shop' } } });
    expect(await errorsOf(write('op.json', orangepill, 0o640))).toContain('chmod 600');
    const ok = await loadSettingsFile(write('op-private.json', orangepill, 0o600));
    expect(ok.ok && ok.value.providers.orangepill.apiKey).toBe('op-key-123456789');
    const opn = await loadSettingsFile(write('opn-private.json', WITH_KEY, 0o600));
    expect(opn.ok && opn.value.providers.opn.secretKey).toBe(LIVE_KEY);
  });

  it('accepts a 0644 config file without keys, and skips the mode rule on Windows', async () => {
    const plain = await loadSettingsFile(write('plain.json', JSON.stringify({ merchant: { name: 'Corner Shop' } }), 0o644));
    expect(plain.ok && plain.value.merchant.name).toBe('Corner Shop');
    const windows = await loadSettingsFile(write('win.json', WITH_KEY, 0o644), false, {}, { platform: 'win32' });
    expect(windows.ok).toBe(true);
  });

  it('refuses a config file every account can change', async () => {
    const path = write('open.json', '{}', 0o666);
    expect(await errorsOf(path)).toBe(`${path} can be changed by every user account on this computer (mode 0666): run \`chmod 644 ${path}\` (or 600) and start again`);
  });
});

describe('loadSettingsFile: errors name the place, never the contents', () => {
  it('answers a /etc/shadow-like file with its line and column and none of its text', async () => {
    const path = write('shadow', SHADOW, 0o600);
    const message = await errorsOf(path);
    expect(message).toBe(`${path}: not valid JSON at line 1, column 1`);
    for (const piece of ['root', 'SECRETHASH', '$6$', 'daemon', '19700']) expect(message).not.toContain(piece);
  });

  it('points at the mistake on a later line without quoting it', async () => {
    const path = write('broken.json', '{\n  "merchant": { "name": "Shop" },\n  "currency": SGD_SECRET\n}\n', 0o600);
    const message = await errorsOf(path);
    expect(message).toBe(`${path}: not valid JSON at line 3, column 15`);
    expect(message).not.toContain('SGD_SECRET');
  });

  it('never echoes a mistyped key, whatever the mistake', async () => {
    const cases = [
      { providers: { opn: { secretKey: 'skey_live_HAS SPACE AND SECRET' } } },
      { providers: { opn: { secretKey: 424242424242 } } },
      { providers: { opn: { secretkey: 'skey_test_MISNAMEDSECRET' } } },
      { providers: { opn: { skey_test_KEYASNAME: true } } },
      { providers: { orangepill: { apiKey: ['op-secret-in-a-list'] } } },
    ];
    for (const [i, settings] of cases.entries()) {
      const message = await errorsOf(write(`typo-${String(i)}.json`, JSON.stringify(settings), 0o600));
      expect(message).toMatch(/providers\.(opn|orangepill)/);
      for (const secret of ['SECRET', '424242', 'KEYASNAME', 'op-secret']) expect(message).not.toContain(secret);
    }
  });

  it('still names a plain unknown setting, so typos are easy to find', async () => {
    const path = write('colour.json', JSON.stringify({ colour: 'blue', providers: { opn: { secretkey: 'x' } } }), 0o600);
    const message = await errorsOf(path);
    expect(message).toContain(`${path}: unknown setting(s) colour`);
    expect(message).toContain(`${path}: providers.opn: unknown setting(s) secretkey`);
  });
});

describe('loadSettingsFile: only regular files of a sane size', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const path = join(dir, 'pipe.json');
    execFileSync('mkfifo', [path]);
    // Nothing opens the other end; the old reader hung here until the test timed out.
    expect(await errorsOf(path)).toBe(`The settings file ${path} is a named pipe (FIFO), not a regular file, so it was not read (reading it could wait forever)`);
  });

  it('refuses /dev/zero as a device', async () => {
    expect(await errorsOf('/dev/zero')).toBe('The settings file /dev/zero is a device, not a regular file, so it was not read');
  });

  it('refuses a folder', async () => {
    const path = join(dir, 'folder.json');
    mkdirSync(path);
    expect(await errorsOf(path)).toBe(`The settings file ${path} is a folder, not a file`);
  });

  it('refuses a 2 MiB file for its size, without reading it', async () => {
    const path = write('huge.json', `{"merchant":{"name":"${'x'.repeat(2 * 1024 * 1024)}"}}`, 0o600);
    expect(await errorsOf(path)).toBe(`The settings file ${path} is 2.0 MiB; at most 1.0 MiB is read, so it was not read (is it the right file?)`);
  });

  it('follows a symlink to a valid config, but not where links are refused (the data folder)', async () => {
    const target = write('real.json', JSON.stringify({ merchant: { name: 'Linked Shop' } }), 0o644);
    const link = join(dir, 'qr-terminal.json');
    symlinkSync(target, link);
    const followed = await loadSettingsFile(link);
    expect(followed.ok && followed.value.merchant.name).toBe('Linked Shop');
    expect(await errorsOf(link, true, {}, { followLinks: false })).toContain(`${link} is a symbolic link`);
  });

  it('applies the key rule to the link target, whose mode is what counts', async () => {
    const target = write('keys.json', WITH_KEY, 0o644);
    const link = join(dir, 'linked-keys.json');
    symlinkSync(target, link);
    expect(await errorsOf(link)).toContain(`chmod 600 ${link}`);
  });

  it('still treats a missing optional file as all defaults, and a missing required one as a sentence', async () => {
    const missing = join(dir, 'none.json');
    expect((await loadSettingsFile(missing, true)).ok).toBe(true);
    expect(await errorsOf(missing)).toBe(`${missing}: cannot read the settings file (it does not exist)`);
  });
});
