import { execFileSync, spawn } from 'node:child_process';
import type * as Crypto from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readOptionalFile, writePrivateFile } from '../../electron/service/files/private-file';
import { loadDeviceSettings } from '../../electron/service/settings/device-settings-file';
import { loadScreenSettings } from '../../electron/service/settings/settings-store';
import { plainFileCredentialStore } from '../../electron/service/settings/credential-store';
import { bundleChildScript, type ChildScript } from '../support/child-script';

// The random part of the temporary name, fixed on demand so a test can plant a link at the exact name.
const fixedRandom = vi.hoisted(() => ({ bytes: null as Buffer | null }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return { ...real, randomBytes: (size: number) => fixedRandom.bytes ?? real.randomBytes(size) };
});

const SECRET = '{"opnSecretKey":"skey_test_PLANTEDLINKVICTIM","orangepillApiKey":null}\n';

let dir: string;
let outside: string;
let victim: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'private-file-'));
  // A file of another's the attacker points the links at; it must never change.
  outside = mkdtempSync(join(tmpdir(), 'private-file-outside-'));
  victim = join(outside, 'victim.txt');
  writeFileSync(victim, 'untouched\n', { mode: 0o644 });
});

afterEach(() => {
  fixedRandom.bytes = null;
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const leftovers = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('.tmp'));

describe('writePrivateFile', () => {
  it('never writes through a symlink planted at any plausible temporary name, and leaves its target untouched', () => {
    const file = join(dir, 'credentials.json');
    const names = [
      `${file}.${String(process.pid)}.tmp`, // the old, predictable name
      `${file}.tmp`,
      `${file}~`,
      join(dir, `.credentials.json.${String(process.pid)}.tmp`),
      join(dir, '.credentials.json.tmp'),
    ];
    for (const name of names) symlinkSync(victim, name);
    writePrivateFile(file, SECRET);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(readFileSync(file, 'utf8')).toBe(SECRET);
    expect(lstatSync(file).isFile()).toBe(true);
    for (const name of names) expect(lstatSync(name).isSymbolicLink()).toBe(true);
  });

  it('refuses to write when a link sits at the very name it picked, instead of following it', () => {
    const file = join(dir, 'credentials.json');
    fixedRandom.bytes = Buffer.alloc(12, 0xab);
    const planted = join(dir, `.credentials.json.${'ab'.repeat(12)}.tmp`);
    symlinkSync(victim, planted);
    expect(() => writePrivateFile(file, SECRET)).toThrow(/EEXIST/);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(existsSync(file)).toBe(false);
    // The planted link is the attacker's, not this call's: it is left where it was.
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('writes mode 0600, replacing a looser file and a link at the target itself without following it', () => {
    const file = join(dir, 'devices.json');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    writePrivateFile(file, '{"a":1}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');

    const linked = join(dir, 'screen-settings.json');
    symlinkSync(victim, linked);
    writePrivateFile(linked, '{"b":2}\n');
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(lstatSync(linked).isFile()).toBe(true);
    expect(statSync(linked).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary file behind when the write fails', () => {
    // A non-empty folder at the target: the rename into place fails after the temporary file was written.
    const file = join(dir, 'credentials.json');
    mkdirSync(file);
    writeFileSync(join(file, 'keep'), 'x');
    expect(() => writePrivateFile(file, SECRET)).toThrow();
    expect(leftovers()).toEqual([]);
  });
});

describe('readOptionalFile and the saved-state files', () => {
  it('refuses a symlinked screen-settings.json, devices.json or credentials.json in the data folder', async () => {
    const target = join(outside, 'elsewhere.json');
    writeFileSync(target, '{}');
    for (const name of ['screen-settings.json', 'devices.json', 'credentials.json']) symlinkSync(target, join(dir, name));
    const screen = loadScreenSettings(join(dir, 'screen-settings.json'));
    const devices = loadDeviceSettings(join(dir, 'devices.json'));
    const keys = await plainFileCredentialStore(dir).load();
    for (const result of [screen, devices, keys]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(typeof result.error === 'string' ? result.error : result.error.message).toMatch(/is a symbolic link/);
    }
  });

  it('refuses a FIFO, a folder and an oversized file at once, and still reads a missing file as none', () => {
    const fifo = join(dir, 'devices.json');
    execFileSync('mkfifo', [fifo]);
    // Nothing opens the other end: a blocking read would hang here.
    expect(readOptionalFile(fifo)).toEqual({ ok: false, error: expect.stringContaining('named pipe') as unknown });
    mkdirSync(join(dir, 'folder.json'));
    expect(readOptionalFile(join(dir, 'folder.json'))).toEqual({ ok: false, error: expect.stringContaining('is a folder') as unknown });
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(readOptionalFile(join(dir, 'big.json'))).toEqual({ ok: false, error: expect.stringContaining('2.0 MiB') as unknown });
    expect(readOptionalFile(join(dir, 'missing.json'))).toEqual({ ok: true, value: null });
  });
});

describe('two processes writing at once', () => {
  let child: ChildScript;
  let childFile: string;
  beforeAll(async () => {
    child = await bundleChildScript('writer', `
import { writePrivateFile } from './electron/service/files/private-file';
const [file, label, rounds] = process.argv.slice(2);
// A large body, so a half-written file would show.
const body = (label + '\\n').repeat(20000);
for (let i = 0; i < Number(rounds); i++) writePrivateFile(file, body);
`);
    childFile = child.file;
  });
  afterAll(() => child.remove());

  const run = (file: string, label: string): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [childFile, file, label, '40'], { stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });

  it('leaves one complete file from one of them, and no temporary files', async () => {
    const file = join(dir, 'credentials.json');
    expect(await Promise.all([run(file, 'AAAA'), run(file, 'BBBB')])).toEqual([0, 0]);
    const text = readFileSync(file, 'utf8');
    expect([('AAAA\n').repeat(20000), ('BBBB\n').repeat(20000)]).toContain(text);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name !== basename(file))).toEqual([]);
  });
});
