import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { classifyFailure, decide, installLastResort } from '../../electron/service/logging/last-resort';
import { createLogger } from '../../electron/service/logging/logger';

const KEY = 'skey_test_LASTRESORTSECRET';

function rig(options: { maxErrors?: number; windowMs?: number } = {}) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  log.redact(KEY);
  const events = new EventEmitter();
  let clock = 1_000_000;
  const onFatal = vi.fn();
  const detach = installLastResort({ process: events, log, onFatal, now: () => clock, ...options });
  return {
    lines,
    events,
    onFatal,
    detach,
    advance: (ms: number) => (clock += ms),
    raw: () => JSON.stringify(lines),
  };
}

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('installLastResort', () => {
  it('logs an uncaught exception with its stack, secrets redacted, and shuts down', () => {
    const r = rig();
    const error = new TypeError(`cannot read engine state while using ${KEY}`);
    r.events.emit('uncaughtException', error, 'uncaughtException');
    expect(r.onFatal).toHaveBeenCalledOnce();
    expect(r.onFatal).toHaveBeenCalledWith(error);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ level: 'error', message: 'uncaughtException; shutting down', origin: 'uncaughtException', kind: 'other' });
    expect(String(r.lines[0]!.stack)).toContain('TypeError: cannot read engine state');
    expect(String(r.lines[0]!.stack)).toContain('last-resort.test.ts');
    expect(r.raw()).not.toContain(KEY);
    expect(r.raw()).toContain('[redacted]');
  });

  it('keeps serving after a connection-level error, even an uncaught one', () => {
    const r = rig();
    r.events.emit('uncaughtException', withCode('read ECONNRESET', 'ECONNRESET'));
    r.events.emit('uncaughtException', withCode('Invalid URL', 'ERR_INVALID_URL'));
    r.events.emit('uncaughtException', withCode('Parse Error: Invalid method', 'HPE_INVALID_METHOD'));
    expect(r.onFatal).not.toHaveBeenCalled();
    expect(r.lines.map((line) => line.message)).toEqual(Array(3).fill('uncaughtException; still serving'));
    expect(r.lines.every((line) => line.kind === 'connection' && typeof line.stack === 'string')).toBe(true);
  });

  it('keeps serving after an unhandled rejection, but not after a journal error of either kind', () => {
    const r = rig();
    r.events.emit('unhandledRejection', new Error('a screen went away'));
    expect(r.onFatal).not.toHaveBeenCalled();
    const sqlite = Object.assign(withCode('database or disk is full', 'SQLITE_FULL'), { name: 'SqliteError' });
    r.events.emit('unhandledRejection', sqlite);
    expect(r.onFatal).toHaveBeenCalledOnce();
    expect(r.lines[1]).toMatchObject({ message: 'unhandledRejection; shutting down', kind: 'journal', code: 'SQLITE_FULL' });
  });

  it('shuts down once more than maxErrors kept-serving errors arrive within the window, and not when they are spread out', () => {
    const spread = rig({ maxErrors: 3, windowMs: 10_000 });
    for (let i = 0; i < 10; i++) {
      spread.events.emit('unhandledRejection', new Error(`slow ${String(i)}`));
      spread.advance(4_000);
    }
    expect(spread.onFatal).not.toHaveBeenCalled();

    const burst = rig({ maxErrors: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) burst.events.emit('unhandledRejection', new Error(`burst ${String(i)}`));
    expect(burst.onFatal).not.toHaveBeenCalled();
    burst.events.emit('uncaughtException', withCode('socket hang up', 'ECONNRESET'));
    expect(burst.onFatal).toHaveBeenCalledOnce();
    expect(burst.lines.at(-1)).toMatchObject({ message: 'uncaughtException; shutting down', reason: 'more than 3 errors within 10 s' });
  });

  it('calls onFatal once, logs what follows as during shutdown, and survives a throwing onFatal', () => {
    const r = rig();
    r.onFatal.mockImplementation(() => {
      throw new Error('close failed');
    });
    r.events.emit('uncaughtException', new Error('first'));
    r.events.emit('uncaughtException', new Error('second'));
    r.events.emit('unhandledRejection', 'a string reason');
    expect(r.onFatal).toHaveBeenCalledOnce();
    expect(r.lines.map((line) => line.message)).toEqual([
      'uncaughtException; shutting down',
      'shutdown after an unexpected error failed',
      'uncaughtException while shutting down',
      'unhandledRejection while shutting down',
    ]);
    expect(r.lines[3]).toMatchObject({ error: 'a string reason' });
  });

  it('detaches its listeners', () => {
    const r = rig();
    expect(r.events.listenerCount('uncaughtException')).toBe(1);
    r.detach();
    expect(r.events.listenerCount('uncaughtException')).toBe(0);
    expect(r.events.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('the rule', () => {
  it('classifies and decides as documented', () => {
    expect(classifyFailure(withCode('x', 'SQLITE_BUSY'))).toBe('journal');
    expect(classifyFailure(withCode('x', 'EPIPE'))).toBe('connection');
    expect(classifyFailure(withCode('x', 'ERR_STREAM_WRITE_AFTER_END'))).toBe('connection');
    expect(classifyFailure(withCode('x', 'ENOSPC'))).toBe('other');
    expect(classifyFailure(null)).toBe('other');
    expect(decide('journal', 'unhandledRejection')).toBe('exit');
    expect(decide('connection', 'uncaughtException')).toBe('keep-serving');
    expect(decide('other', 'uncaughtException')).toBe('exit');
    expect(decide('other', 'unhandledRejection')).toBe('keep-serving');
  });
});
