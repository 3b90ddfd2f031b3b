import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, treeState } from '../support/tree-clean-reporter';

/** The check that `npm test` leaves the checkout as it found it, on a throwaway git repository. */
let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tree-clean-'));
  git('init', '-q');
  for (const name of ['a.txt', 'b.txt', 'gone.txt']) writeFileSync(join(repo, name), name);
  writeFileSync(join(repo, '.gitignore'), 'artifacts/\n');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'start');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the tree-clean check', () => {
  it('sees what a run changed, and only that', () => {
    writeFileSync(join(repo, 'a.txt'), 'work in progress'); // dirty before the run: not the run's doing
    const before = treeState(repo);
    writeFileSync(join(repo, 'b.txt'), 'rewritten by a test');
    writeFileSync(join(repo, 'probe.ts'), 'left behind');
    unlinkSync(join(repo, 'gone.txt'));
    execFileSync('mkdir', ['-p', join(repo, 'artifacts')]);
    writeFileSync(join(repo, 'artifacts', 'shot.png'), 'ignored');
    expect(changedSince(before, treeState(repo)).sort()).toEqual([' D gone.txt', ' M b.txt', '?? probe.ts']);
  });

  it('sees a file that was already dirty change again', () => {
    const before = treeState(repo);
    writeFileSync(join(repo, 'a.txt'), 'changed once more');
    expect(changedSince(before, treeState(repo))).toEqual([' M a.txt']);
  });

  it('finds nothing when the run left the tree alone', () => {
    const before = treeState(repo);
    expect(changedSince(before, treeState(repo))).toEqual([]);
  });
});
