import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleDist } from '../support/dist-fresh';

/** The e2e project's guard against a stale dist/, on a made-up tree whose file times the test sets. */
let root: string | null = null;
afterEach(() => {
  if (root !== null) rmSync(root, { recursive: true, force: true });
  root = null;
});

const T = 1_767_225_600; // seconds
const SOURCES = ['app/money/money.ts', 'electron/main.ts', 'renderer/display/main.tsx'];
const OUTPUTS = ['dist/renderer/display/index.html', 'dist/renderer/assets/display.js', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/web/serve.cjs'];

function tree(times: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-fresh-'));
  for (const [path, at] of Object.entries(times)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), path);
    utimesSync(join(dir, path), at, at);
  }
  return dir;
}
const built = (sourceAt: number, outputAt: number, change: Record<string, number> = {}) =>
  tree({ ...Object.fromEntries(SOURCES.map((p) => [p, sourceAt])), ...Object.fromEntries(OUTPUTS.map((p) => [p, outputAt])), ...change });

describe('the e2e guard against a stale dist/', () => {
  it('passes a dist/ built after its sources', () => {
    root = built(T, T + 10);
    expect(staleDist(root)).toBeNull();
  });

  it.each([
    ['a core file', 'app/money/money.ts', 'dist/renderer/assets/display.js'],
    ['a main-process file', 'electron/main.ts', 'dist/electron/main.cjs'],
    ['a screen', 'renderer/display/main.tsx', 'dist/renderer/assets/display.js'],
  ])('refuses it once %s changes after the build', (_what, source, oldest) => {
    root = built(T, T + 10, { [source]: T + 20, [oldest]: T + 5 });
    expect(staleDist(root)).toBe(`dist/ is older than its sources: run npm run build (${source} changed after ${oldest} was built)`);
  });

  it('does not hold a main-process change against the pages, which do not include it', () => {
    root = built(T, T + 30, { 'electron/main.ts': T + 20, 'dist/renderer/assets/display.js': T + 10 });
    expect(staleDist(root)).toBeNull();
  });

  it('refuses a dist/ that lacks an output', () => {
    root = tree({ ...Object.fromEntries(SOURCES.map((p) => [p, T])), ...Object.fromEntries(OUTPUTS.filter((p) => p !== 'dist/web/serve.cjs').map((p) => [p, T + 1])) });
    expect(staleDist(root)).toBe('dist/ is missing dist/web/serve.cjs: run npm run build');
  });
});
