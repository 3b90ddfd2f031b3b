import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../tests/bench/bench-args';

const PARTS = ['pos'];

describe('npm run bench arguments', () => {
  it('runs the whole bench unless --only names a part', () => {
    expect(parseBenchArgs([], PARTS)).toEqual({ quick: false, only: null });
    expect(parseBenchArgs(['--quick'], PARTS)).toEqual({ quick: true, only: null });
  });

  it('runs one part alone with --only, quick or not', () => {
    expect(parseBenchArgs(['--only', 'pos'], PARTS)).toEqual({ quick: false, only: 'pos' });
    expect(parseBenchArgs(['--only', 'pos', '--quick'], PARTS)).toEqual({ quick: true, only: 'pos' });
  });

  it('refuses --only without a part, naming the parts', () => {
    expect(() => parseBenchArgs(['--only'], PARTS)).toThrow('--only takes one of: pos (got nothing)');
  });

  // Inherited names (toString, __proto__, constructor) must not pass for parts: they would run as one.
  it.each(['nope', 'POS', '', 'toString', '__proto__', 'constructor', 'pos; rm -rf /'])('refuses --only %j', (part) => {
    expect(() => parseBenchArgs(['--only', part], PARTS)).toThrow(/--only takes one of: pos \(got "/);
  });

  it('shortens a long part in the sentence', () => {
    expect(() => parseBenchArgs(['--only', 'x'.repeat(10_000)], PARTS)).toThrow(`(got "${'x'.repeat(40)}")`);
  });
});
