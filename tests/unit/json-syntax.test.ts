import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, parseJsonSafely, positionAt } from '../../electron/service/files/json-syntax';

const SAMPLE = JSON.stringify(
  {
    merchant: { name: 'Shop "Ünïcode" \\ \u0001', addressLines: ['1 Road', ''] },
    payment: { qrExpirySeconds: 600, pollIntervalMs: -1.5e3 },
    providers: { opn: { secretKey: null }, flags: [true, false, null, 0, 0.25, 1e-7] },
  },
  null,
  2,
);

describe('jsonSyntaxError', () => {
  it('finds no error in valid JSON of every kind', () => {
    for (const text of [SAMPLE, '0', '-0.5E+2', '"\\u00e9\\n"', '[]', '{}', ' \r\n\t[ 1 , { "a" : [ ] } ] ', '"/\\/"']) {
      expect(jsonSyntaxError(text)).toBeNull();
    }
  });

  it('puts each mistake on its line and column', () => {
    expect(jsonSyntaxError('')).toEqual({ line: 1, column: 1 });
    expect(jsonSyntaxError('root:x:0:0')).toEqual({ line: 1, column: 1 });
    expect(jsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1 });
    expect(jsonSyntaxError('{"a": 01}')).toEqual({ line: 1, column: 8 });
    expect(jsonSyntaxError('{"a":1}x')).toEqual({ line: 1, column: 8 });
    expect(jsonSyntaxError('["tab\there"]')).toEqual({ line: 1, column: 6 });
    expect(jsonSyntaxError('\r\n\r\n  nul')).toEqual({ line: 3, column: 6 });
    expect(jsonSyntaxError('\uFEFF{}')).toEqual({ line: 1, column: 1 });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ line: 1, column: 6 });
    expect(jsonSyntaxError('"\\x"')).toEqual({ line: 1, column: 3 });
  });

  it('agrees with JSON.parse on every one-character deletion and insertion of a settings file', () => {
    const inserts = ['"', ',', '}', ']', 'x', '\\', '\n', '0', '-', '.'];
    let checked = 0;
    for (let i = 0; i <= SAMPLE.length; i++) {
      const variants = [SAMPLE.slice(0, i) + SAMPLE.slice(i + 1), ...inserts.map((c) => SAMPLE.slice(0, i) + c + SAMPLE.slice(i))];
      for (const text of variants) {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(jsonSyntaxError(text) === null, text).toBe(parses);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    expect(jsonSyntaxError('['.repeat(100_000))).not.toBeNull();
  });
});

describe('parseJsonSafely', () => {
  it('never includes the text in its error', () => {
    const result = parseJsonSafely('{"password": hunter2}');
    expect(result).toEqual({ ok: false, error: 'not valid JSON at line 1, column 14' });
  });

  it('counts CR LF as one line break', () => {
    expect(positionAt('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
  });
});
