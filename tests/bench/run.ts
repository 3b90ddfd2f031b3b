import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEndOfDay, benchHistoryPage, benchJournalWrites, seedJournal } from './journal-bench';
import { parseBenchArgs } from './bench-args';
import { benchBundle, benchHostStart } from './host-bench';
import { benchDisplay } from './display-bench';
import { benchHostMemory } from './memory-bench';
import { benchOutage } from './outage-bench';
import { benchPos } from './pos-bench';
import { benchPrinterBytes } from './printer-bench';
import { benchScanMargin } from './scan-bench';
import { table, type BenchRow } from './stats';
import { launchChromium } from './web-counter';
import { benchWebhooks } from './webhook-bench';

/**
 * `npm run bench`: speed and size, measured on the real code, printed as one table and written to
 * tests/bench/results.json. `-- --quick` runs a smaller version. Benchmarks are not tests: nothing
 * here fails the build; a missed target is shown as MISSED, and a row shown only for comparison
 * (no target of its own) says so. The parts run one after another, so no figure pays for another's
 * work (the two outages run side by side: both only wait).
 *
 * `--only pos` runs just one part's rows (issue 21's POS API rows), for working on them without the
 * whole run; it prints the same table and writes tests/artifacts/bench-pos.json, never results.json,
 * which holds only whole runs.
 */
const ONLY = new Map<string, (quick: boolean, step: (name: string) => void) => Promise<BenchRow[]>>([
  [
    'pos',
    async (quick, step) => {
      const browser = await launchChromium();
      try {
        return await benchPos(browser, quick, step);
      } finally {
        await browser.close();
      }
    },
  ],
]);

async function main(): Promise<void> {
  const { quick, only } = parseBenchArgs(process.argv.slice(2), [...ONLY.keys()]);
  const rows: BenchRow[] = [];
  const started = Date.now();
  const step = (name: string) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)} s] measuring ${name}…\n`);
  if (only !== null) {
    const measure = ONLY.get(only);
    if (measure !== undefined) rows.push(...(await measure(quick, step)));
    report(rows, { started, quick, only });
    return;
  }
  // The screens first, in issue 10's order: web mode in Chromium, the real service and host in one process.
  const browser = await launchChromium();
  let scan: BenchRow[];
  try {
    const [qr0, qr150, paid, requests] = await benchDisplay(browser, quick, step);
    rows.push(qr0, qr150, paid, ...(await benchWebhooks(browser, quick, step)), requests);
    scan = await benchScanMargin(browser, quick, step);
    rows.push(...(await benchPos(browser, quick, step)));
  } finally {
    await browser.close();
  }
  rows.push(...(await benchOutage(quick, step)));
  step('journal writes');
  rows.push(benchJournalWrites(quick ? 1000 : 10_000));
  const seededCount = quick ? 10_000 : 100_000;
  step(`seeding a journal with ${seededCount} payments`);
  const seeded = seedJournal(seededCount);
  try {
    step('history page');
    rows.push(benchHistoryPage(seeded, quick ? 50 : 200));
    step('end of day');
    rows.push(...benchEndOfDay(seeded, quick ? 20 : 50, quick ? 2 : 5, 500));
  } finally {
    seeded.close();
  }
  step('host start');
  rows.push(await benchHostStart(quick ? 3 : 10));
  rows.push(...(await benchHostMemory(quick, step)));
  step('bundles');
  rows.push(benchBundle('cashier', 200), benchBundle('display', 120));
  rows.push(...scan);
  // Exact byte counts, cheap to compute: the same in --quick.
  step('printer bytes');
  rows.push(...benchPrinterBytes('58mm'), ...benchPrinterBytes('80mm'));
  report(rows, { started, quick, only: null });
}

/** Prints the table and writes the results: results.json for a whole run, tests/artifacts/bench-<part>.json for `--only`. */
function report(rows: readonly BenchRow[], run: { readonly started: number; readonly quick: boolean; readonly only: string | null }): void {
  const when = new Date().toISOString();
  const took = Math.round((Date.now() - run.started) / 1000);
  const what = `${run.quick ? ' (quick)' : ''}${run.only === null ? '' : ` (only ${run.only})`}`;
  process.stdout.write(`\nQR Counter Terminal benchmarks, ${when}${what}, Node ${process.version}, ${took} s\n\n${table(rows)}\n`);
  const repo = join(__dirname, '..', '..');
  const file = run.only === null ? join(repo, 'tests', 'bench', 'results.json') : join(repo, 'tests', 'artifacts', `bench-${run.only}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  const extra = run.only === null ? {} : { only: run.only };
  writeFileSync(file, `${JSON.stringify({ when, quick: run.quick, ...extra, node: process.version, seconds: took, rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
