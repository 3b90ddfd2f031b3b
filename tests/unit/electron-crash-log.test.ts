import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { crashDumpsDir, crashReporterOptions, installCrashLogging } from '../../electron/main/crash-log';
import { failureFields } from '../../electron/service/logging/last-resort';
import { createLogger } from '../../electron/service/logging/logger';

/** Node's process and Electron's app are both EventEmitters; plain ones stand in for them here. */
function setUp() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const proc = new EventEmitter();
  const app = new EventEmitter();
  const onFatal = vi.fn();
  const detach = installCrashLogging({ process: proc, app, log, onFatal });
  return { lines, log, proc, app, onFatal, detach };
}

describe('crash reporting stays local', () => {
  it('keeps native crash dumps under the user-data folder and uploads nothing', () => {
    expect(crashReporterOptions('QR Counter Terminal')).toEqual({ productName: 'QR Counter Terminal', uploadToServer: false, compress: true });
    expect(crashDumpsDir('/home/shop/.config/QR Counter Terminal')).toBe('/home/shop/.config/QR Counter Terminal/Crashpad');
  });
});

describe('installCrashLogging', () => {
  it('logs an uncaught exception with its stack, then shuts down once', () => {
    const { lines, proc, onFatal } = setUp();
    const error = new Error('journal handle went away');
    proc.emit('uncaughtException', error, 'uncaughtException');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', message: 'uncaughtException; shutting down', error: 'journal handle went away', origin: 'uncaughtException' }),
    ]);
    expect(lines[0]?.stack).toEqual(expect.stringContaining('journal handle went away'));
    expect(onFatal).toHaveBeenCalledExactlyOnceWith(error);
    // A second one while shutting down is logged too, but does not start a second shutdown.
    proc.emit('uncaughtException', new Error('again'), 'uncaughtException');
    expect(lines[1]).toMatchObject({ message: 'uncaughtException while shutting down', error: 'again' });
    expect(onFatal).toHaveBeenCalledTimes(1);
  });

  it('logs an unhandled rejection and lets the terminal go on', () => {
    const { lines, proc, onFatal } = setUp();
    proc.emit('unhandledRejection', new Error('printer socket reset'));
    proc.emit('unhandledRejection', 'a plain string');
    proc.emit('unhandledRejection', { code: 42 });
    expect(lines.map((l) => [l.level, l.message, l.error])).toEqual([
      ['error', 'unhandledRejection; still serving', 'printer socket reset'],
      ['error', 'unhandledRejection; still serving', 'a plain string'],
      ['error', 'unhandledRejection; still serving', '{"code":42}'],
    ]);
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('follows the headless host’s rule: a reset socket goes on, a journal error shuts down even as a rejection', () => {
    const { lines, proc, onFatal } = setUp();
    proc.emit('uncaughtException', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'uncaughtException');
    expect(onFatal).not.toHaveBeenCalled();
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    proc.emit('unhandledRejection', full);
    expect(onFatal).toHaveBeenCalledExactlyOnceWith(full);
    expect(lines.map((l) => [l.message, l.kind])).toEqual([
      ['uncaughtException; still serving', 'connection'],
      ['unhandledRejection; shutting down', 'journal'],
    ]);
  });

  it('logs a child process that is gone: an error when it crashed, info when it exited cleanly', () => {
    const { lines, app } = setUp();
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 139 });
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0, name: 'Network Service', serviceName: 'network.mojom.NetworkService' });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', message: 'child process gone', type: 'GPU', reason: 'crashed', exitCode: 139 }),
      expect.objectContaining({ level: 'info', message: 'child process gone', type: 'Utility', reason: 'clean-exit', name: 'Network Service', serviceName: 'network.mojom.NetworkService' }),
    ]);
  });

  it('never writes a registered secret, even inside an exception’s message and stack', () => {
    const { lines, log, proc } = setUp();
    log.redact('skey_test_crash1234');
    proc.emit('uncaughtException', new Error('request with skey_test_crash1234 failed'), 'uncaughtException');
    expect(JSON.stringify(lines)).not.toContain('skey_test_crash1234');
    expect(lines[0]?.error).toBe('request with [redacted] failed');
  });

  it('keeps logging if the shutdown itself throws', () => {
    const lines: Record<string, unknown>[] = [];
    const proc = new EventEmitter();
    installCrashLogging({
      process: proc,
      app: new EventEmitter(),
      log: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
      onFatal: () => {
        throw new Error('quit failed');
      },
    });
    expect(() => proc.emit('uncaughtException', new Error('first'), 'uncaughtException')).not.toThrow();
    expect(lines[1]).toMatchObject({ level: 'error', message: 'shutdown after an unexpected error failed', error: 'quit failed' });
  });

  it('detaches every handler', () => {
    const { proc, app, detach } = setUp();
    detach();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection') + app.listenerCount('child-process-gone')).toBe(0);
  });

  it('turns anything thrown into log fields', () => {
    expect(failureFields(undefined)).toEqual({ error: 'undefined' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(failureFields(circular)).toEqual({ error: '[object Object]' });
  });
});
