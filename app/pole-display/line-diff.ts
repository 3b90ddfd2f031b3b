/** A run of columns (0-based, end exclusive) on one row that must be rewritten. */
export interface ChangedRun {
  readonly row: 0 | 1;
  readonly start: number;
  readonly end: number;
}

/**
 * The columns that differ between two lines, as runs. Runs closer than `joinGap` columns are merged,
 * because resending a few unchanged characters is cheaper than another cursor command.
 */
export function changedRuns(row: 0 | 1, next: string, previous: string, joinGap: number): readonly ChangedRun[] {
  const runs: { row: 0 | 1; start: number; end: number }[] = [];
  for (let col = 0; col < next.length; col += 1) {
    if (next[col] === previous[col]) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && col - last.end <= joinGap) last.end = col + 1;
    else runs.push({ row, start: col, end: col + 1 });
  }
  return runs;
}
