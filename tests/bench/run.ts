import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEndOfDay, benchHistoryPage, benchJournalWrites, seedJournal } from './journal-bench';
import { benchBundle, benchHostStart } from './host-bench';
import { benchDisplay } from './display-bench';
import { benchHostMemory } from './memory-bench';
import { benchOutage } from './outage-bench';
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
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rows: BenchRow[] = [];
  const started = Date.now();
  const step = (name: string) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)} s] measuring ${name}…\n`);
  // The screens first, in issue 10's order: web mode in Chromium, the real service and host in one process.
  const browser = await launchChromium();
  let scan: BenchRow[];
  try {
    const [qr0, qr150, paid, requests] = await benchDisplay(browser, quick, step);
    rows.push(qr0, qr150, paid, ...(await benchWebhooks(browser, quick, step)), requests);
    scan = await benchScanMargin(browser, quick, step);
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
  const when = new Date().toISOString();
  const took = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\nQR Counter Terminal benchmarks, ${when}${quick ? ' (quick)' : ''}, Node ${process.version}, ${took} s\n\n${table(rows)}\n`);
  writeFileSync(join(__dirname, '..', '..', 'tests', 'bench', 'results.json'), `${JSON.stringify({ when, quick, node: process.version, seconds: took, rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
