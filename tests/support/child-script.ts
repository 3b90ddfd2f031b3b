import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './paths';

export interface ChildScript {
  /** The bundled script, to run with `process.execPath`. */
  readonly file: string;
  remove(): void;
}

/**
 * Bundles a few lines of TypeScript that import our modules (paths from the repository root, e.g.
 * './electron/service/files/data-lock') into one CommonJS file, so a test can run them in other processes
 * at once: what several terminals or writers do side by side.
 */
export async function bundleChildScript(name: string, source: string): Promise<ChildScript> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-child-`));
  const file = join(dir, `${name}.cjs`);
  await build({
    stdin: { contents: source, resolveDir: REPO_ROOT, sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
