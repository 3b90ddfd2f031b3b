import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter } from 'vitest/reporters';
import { REPO_ROOT } from './paths';

/**
 * `npm test` must leave `git status` as it found it. This reporter notes the tree's state when the run
 * starts and checks it once every test file is done, before the summary, so the run fails (and says
 * what changed) when a test wrote into the checkout. A tree already dirty at the start (work in
 * progress) is fine: only what the run itself changed counts. `.ci/run` checks the tree is clean outright.
 */
export class TreeCleanReporter implements Reporter {
  private before: ReadonlyMap<string, string> | null = null;

  onInit(): void {
    this.before = treeState(REPO_ROOT);
  }

  onTestRunEnd(): void {
    if (this.before === null) return;
    const changed = changedSince(this.before, treeState(REPO_ROOT));
    if (changed.length === 0) return;
    // Synchronous and before the default reporter: the summary line stays the last thing printed.
    process.stderr.write(`\nThe tests changed the checkout (git status was clean of these when they started):\n${changed.map((line) => `  ${line}`).join('\n')}\n\n`);
    process.exitCode = 1;
  }
}

/** Each path git status lists, with its status and a hash of its content. */
export function treeState(root: string): Map<string, string> {
  let porcelain: string;
  try {
    porcelain = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  } catch {
    return new Map(); // Not a git checkout (an unpacked release): nothing to compare.
  }
  const state = new Map<string, string>();
  const entries = porcelain.split('\0').filter((entry) => entry !== '');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] ?? '';
    const code = entry.slice(0, 2);
    const path = entry.slice(3);
    // A rename or copy names its source next, as an entry of its own.
    if (code.includes('R') || code.includes('C')) i++;
    state.set(path, `${code} ${contentHash(join(root, path))}`);
  }
  return state;
}

function contentHash(path: string): string {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return stat.isSymbolicLink() ? 'symlink' : 'not a file';
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  } catch {
    return 'deleted';
  }
}

/** The `git status` lines that are new or whose file changed between the two states. */
export function changedSince(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [path, now] of after) if (before.get(path) !== now) lines.push(`${now.slice(0, 2)} ${path}`);
  for (const path of before.keys()) if (!after.has(path)) lines.push(`(no longer listed) ${path}`);
  return lines;
}

// Vitest loads a reporter named by path from its default export; the one default export in the tree.
export default TreeCleanReporter;
