import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * The end-to-end tests drive what `npm run build` left in dist/, not the sources. Run alone
 * (`npm run test:e2e`) after an edit, they would test yesterday's code and pass; this refuses instead.
 */
const BUILDS: readonly { readonly outputs: readonly string[]; readonly sources: readonly string[] }[] = [
  // Vite empties dist/renderer on every build, so each file in it comes from the latest one.
  { outputs: ['dist/renderer'], sources: ['app', 'renderer'] },
  { outputs: ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/web/serve.cjs'], sources: ['app', 'electron'] },
];

interface Stamped {
  readonly path: string;
  readonly mtimeMs: number;
}

function filesUnder(root: string, path: string): Stamped[] {
  const full = join(root, path);
  const stat = statSync(full);
  if (!stat.isDirectory()) return [{ path, mtimeMs: stat.mtimeMs }];
  return readdirSync(full).flatMap((name) => filesUnder(root, `${path}/${name}`));
}

/** Why dist/ cannot be trusted for `root`, or null when every output is newer than its sources. */
export function staleDist(root: string = REPO_ROOT): string | null {
  for (const build of BUILDS) {
    const missing = build.outputs.find((output) => !existsSync(join(root, output)));
    if (missing !== undefined) return `dist/ is missing ${missing}: run npm run build`;
    const outputs = build.outputs.flatMap((output) => filesUnder(root, output));
    const oldest = outputs.reduce((a, b) => (b.mtimeMs < a.mtimeMs ? b : a));
    const newest = build.sources.flatMap((source) => filesUnder(root, source)).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
    if (newest.mtimeMs > oldest.mtimeMs) {
      return `dist/ is older than its sources: run npm run build (${newest.path} changed after ${oldest.path} was built)`;
    }
  }
  return null;
}

/** Vitest globalSetup of the e2e project: fails the run before any test when dist/ is stale. */
export function setup(): void {
  const problem = staleDist();
  if (problem !== null) throw new Error(problem);
}
