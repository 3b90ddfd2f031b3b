/** Order statistics over measured samples; no averaging, which hides the slow tail a cashier feels. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface BenchRow {
  readonly figure: string;
  readonly unit: string;
  readonly median: number;
  readonly p95: number;
  /**
   * The target the p95 (or the single value) must meet; `met` compares against it. `null` for a row
   * shown only for comparison (e.g. a way of printing that issue 10 sets no target for): `met` is
   * then `null` too, and the table says "comparison only" rather than inventing a target.
   */
  readonly target: number | null;
  /** What the table says in place of a target when there is none, if not "comparison only". */
  readonly targetLabel?: string;
  readonly met: boolean | null;
  readonly conditions: string;
}

export function row(figure: string, unit: string, samples: readonly number[], target: number | null, conditions: string): BenchRow {
  const p95 = percentile(samples, 95);
  return { figure, unit, median: percentile(samples, 50), p95, target, met: target === null ? null : p95 <= target, conditions };
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n < 10 ? n.toFixed(2) : n.toFixed(1));

/** The table `npm run bench` prints: one row a figure, misses marked, never dropped. */
export function table(rows: readonly BenchRow[]): string {
  const header = ['figure', 'median', 'p95', 'target', 'met', 'conditions'];
  const lines = rows.map((r) => [
    r.figure,
    `${fmt(r.median)} ${r.unit}`,
    `${fmt(r.p95)} ${r.unit}`,
    r.target === null ? (r.targetLabel ?? 'comparison only') : `≤ ${fmt(r.target)} ${r.unit}`,
    r.met === null ? 'n/a' : r.met ? 'yes' : 'MISSED',
    r.conditions,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}
