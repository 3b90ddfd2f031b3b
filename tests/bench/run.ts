import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchHistoryPage, benchJournalWrites } from './journal-bench';
import { benchBundle, benchHostStart } from './host-bench';
import { benchDisplay } from './display-bench';
import { benchPrinterBytes } from './printer-bench';
import { table, type BenchRow } from './stats';

/**
 * `npm run bench`: speed and size, measured on the real code, printed as one table and written to
 * tests/bench/results.json. `-- --quick` runs a smaller version. Benchmarks are not tests: nothing
 * here fails the build; a missed target is shown as MISSED, and a row shown only for comparison
 * (no target of its own) says so.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rows: BenchRow[] = [];
  const step = (name: string) => process.stderr.write(`measuring ${name}…\n`);
  // The screens first, in issue 10's order: web mode in Chromium, the real service and host in one process.
  rows.push(...(await benchDisplay(quick, step)));
  step('journal writes');
  rows.push(benchJournalWrites(quick ? 1000 : 10_000));
  step('history page');
  rows.push(benchHistoryPage(quick ? 10_000 : 100_000, quick ? 50 : 200));
  step('host start');
  rows.push(await benchHostStart(quick ? 3 : 10));
  step('bundles');
  rows.push(benchBundle('cashier', 200), benchBundle('display', 120));
  // Exact byte counts, cheap to compute: the same in --quick.
  step('printer bytes');
  rows.push(...benchPrinterBytes('58mm'), ...benchPrinterBytes('80mm'));
  const when = new Date().toISOString();
  process.stdout.write(`\nQR Counter Terminal benchmarks, ${when}${quick ? ' (quick)' : ''}, Node ${process.version}\n\n${table(rows)}\n`);
  writeFileSync(join(__dirname, '..', '..', 'tests', 'bench', 'results.json'), `${JSON.stringify({ when, quick, node: process.version, rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
