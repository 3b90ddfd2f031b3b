import { describe, expect, it } from 'vitest';
import { createLogger, MAX_LOG_LINE_BYTES } from '../../electron/service/logging/logger';

const capture = () => {
  const lines: string[] = [];
  return { lines, log: createLogger((line) => lines.push(line)) };
};

describe('the log line cap', () => {
  it('cuts a huge field so the line stays under 8 KiB and is still one JSON object', () => {
    const { lines, log } = capture();
    log.log('warn', 'provider answered', { status: 502, body: 'x'.repeat(200_000) });
    expect(lines).toHaveLength(1);
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', message: 'provider answered', status: 502 });
    expect(entry.body).toMatch(/^x{1024}…\[cut: 200000 chars\]$/);
    expect(entry.truncated).toBeGreaterThan(200_000);
  });

  it('keeps only the message and field names when many fields together are too long', () => {
    const { lines, log } = capture();
    const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${String(i)}`, 'y'.repeat(1_000)]));
    log.log('info', 'many fields', fields);
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', message: 'many fields' });
    expect(entry.fields).toEqual(Array.from({ length: 10 }, (_, i) => `field${String(i)}`));
  });

  it('never leaves part of a secret where a cut falls inside it', () => {
    const { lines, log } = capture();
    const secret = 'skey_live_5xD9qR2mT7vB';
    log.redact(secret);
    log.log('error', 'request failed', { detail: `${'z'.repeat(1_020)}${secret}${'z'.repeat(10_000)}` });
    expect(lines[0]).not.toContain('skey');
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES);
  });

  it('leaves a line under the cap exactly as it was', () => {
    const { lines, log } = capture();
    log.log('info', 'webhook', { providerRef: 'chrg_test_1' });
    expect(JSON.parse(lines[0]!)).toEqual({ time: expect.any(String), level: 'info', message: 'webhook', providerRef: 'chrg_test_1' });
  });
});
