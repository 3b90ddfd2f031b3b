import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capLine, openRotatingLog, type RotatingLog, type RotatingLogFs } from '../../electron/service/logging/rotating-log';

let dir: string;
let file: string;
const opened: RotatingLog[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'rotating-log-'));
  file = join(dir, 'terminal.log');
});

afterEach(() => {
  for (const log of opened.splice(0)) log.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (options: Omit<Parameters<typeof openRotatingLog>[0], 'file'> & { readonly file?: string }): RotatingLog => {
  const log = openRotatingLog({ file, ...options });
  opened.push(log);
  return log;
};

/** A line of exactly `bytes` bytes on disk, newline included, numbered so the order can be checked. */
const line = (n: number, bytes = 100): string => `${String(n).padStart(4, '0')}${'x'.repeat(bytes - 5)}`;
const read = (path: string): string[] => fs.readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
const numbers = (path: string): number[] => read(path).map((l) => Number(l.slice(0, 4)));

describe('the rotating log file', () => {
  it('rotates when the next line would pass the size threshold', () => {
    const log = open({ maxBytes: 1_000, keep: 3 });
    for (let n = 0; n < 10; n++) log.write(line(n));
    expect(fs.statSync(file).size).toBe(1_000);
    expect(fs.existsSync(`${file}.1`)).toBe(false);
    log.write(line(10));
    expect(numbers(`${file}.1`)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(numbers(file)).toEqual([10]);
  });

  it('keeps K older files, newest first, and drops the oldest', () => {
    const log = open({ maxBytes: 1_000, keep: 3 });
    for (let n = 0; n < 60; n++) log.write(line(n));
    expect(numbers(file)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(numbers(`${file}.1`)[0]).toBe(40);
    expect(numbers(`${file}.2`)[0]).toBe(30);
    expect(numbers(`${file}.3`)[0]).toBe(20);
    expect(fs.readdirSync(dir).sort()).toEqual(['terminal.log', 'terminal.log.1', 'terminal.log.2', 'terminal.log.3']);
  });

  it('continues a file across restarts, counting the bytes already in it', () => {
    open({ maxBytes: 1_000 }).write(line(0, 900));
    const again = open({ maxBytes: 1_000 });
    again.write(line(1, 200));
    expect(numbers(`${file}.1`)).toEqual([0]);
    expect(numbers(file)).toEqual([1]);
  });

  it('makes every file 0600, even one that existed with a wider mode', () => {
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const log = open({ maxBytes: 1_000 });
    for (let n = 0; n < 25; n++) log.write(line(n));
    for (const name of ['terminal.log', 'terminal.log.1', 'terminal.log.2']) expect(fs.statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  });

  it('cuts a line over the cap with a marker, and keeps every entry on one line', () => {
    const log = open({ maxLineBytes: 200 });
    log.write('é'.repeat(1_000));
    log.write('first\nsecond\r\nthird');
    const [cut, flat] = read(file);
    expect(Buffer.byteLength(cut!)).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^é+ …\[line cut: 2000 bytes\]$/);
    expect(cut).not.toContain('\uFFFD');
    expect(flat).toBe('first second third');
    expect(capLine('short', 200)).toBe('short');
  });
});

describe('a log file that cannot be written', () => {
  it('drops and counts lines on a full disk, reports it once, and notes the gap when it recovers', () => {
    let full = true;
    const failing: RotatingLogFs = {
      ...fs,
      writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
        if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return (fs.writeSync as (...a: Parameters<typeof fs.writeSync>) => number)(...args);
      }) as typeof fs.writeSync,
    };
    const reports: string[] = [];
    const log = open({ fs: failing, report: (text) => reports.push(text) });
    expect(() => {
      for (let n = 0; n < 50; n++) log.write(line(n));
    }).not.toThrow();
    expect(log.dropped).toBe(50);
    expect(reports).toEqual([`The log file ${file} cannot be written (ENOSPC); log lines are dropped until it can.`]);

    full = false;
    log.write(line(50));
    log.write(line(51));
    const lines = read(file);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', dropped: 50 });
    expect(lines.slice(1).map((l) => Number(l.slice(0, 4)))).toEqual([50, 51]);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toContain('can be written again; 50 lines were dropped');
  });

  it('survives a folder it cannot create, and writes again once it can', () => {
    // A regular file where the folder should be: fails the same way for root as for anyone.
    const blocker = join(dir, 'blocked');
    fs.writeFileSync(blocker, '');
    const reports: string[] = [];
    const log = open({ file: join(blocker, 'terminal.log'), report: (text) => reports.push(text) });
    expect(() => {
      log.write('one');
      log.write('two');
    }).not.toThrow();
    expect(log.dropped).toBe(2);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/cannot be written \((ENOTDIR|EEXIST)\)/);

    fs.rmSync(blocker);
    log.write('three');
    expect(read(join(blocker, 'terminal.log')).at(-1)).toBe('three');
    expect(reports).toHaveLength(2);
  });

  it('refuses to follow a link planted where the log goes', () => {
    const target = join(dir, 'elsewhere');
    fs.writeFileSync(target, 'untouched');
    fs.symlinkSync(target, file);
    const reports: string[] = [];
    const log = open({ report: (text) => reports.push(text) });
    expect(() => log.write('planted?')).not.toThrow();
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched');
    expect(reports[0]).toContain('(ELOOP)');
  });

  it('drops a line rather than passing the cap when the old file cannot be moved aside', () => {
    const stuck: RotatingLogFs = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
      },
    };
    const reports: string[] = [];
    const log = open({ fs: stuck, maxBytes: 1_000, report: (text) => reports.push(text) });
    for (let n = 0; n < 20; n++) log.write(line(n));
    expect(fs.statSync(file).size).toBe(1_000);
    expect(log.dropped).toBe(10);
    expect(reports).toHaveLength(1);
  });
});
