import { chargeToQrPainted, WARM_UP_SALES } from './display-bench';
import type { TillsReport } from './pos-tills-worker';
import { startTills } from './pos-tills';
import { endPosSale, newTill, posSale } from './pos-till';
import { percentile, row, type BenchRow } from './stats';
import type { WebCounter } from './web-counter';

const TILLS = 20;
const POLL_MS = 250;
const ROUNDS = 2;

/** What the tills saw over every round, added up. */
function addReports(reports: readonly TillsReport[]): { gets: string; problems: string[]; events: number } {
  const answers = new Map<string, number>();
  const problems: string[] = [];
  let events = 0;
  for (const report of reports) {
    for (const [status, count] of Object.entries(report.answers)) answers.set(status, (answers.get(status) ?? 0) + count);
    if (report.failures > 0) problems.push(`${report.failures} GETs unanswered`);
    if (report.skipped > 0) problems.push(`${report.skipped} polls skipped (previous GET still out)`);
    problems.push(...report.streamProblems.map((p) => `stream: ${p}`));
    events += report.events;
  }
  const gets = [...answers].map(([status, count]) => `${count} × ${status}`).join(', ');
  return { gets, problems, events };
}

/**
 * The counter's own keyed sale (display-bench's Charge → QR painted, over the cashier's WebSocket)
 * without and then with 20 tills each polling GET /v1/checkouts/{id} every 250 ms and holding a
 * GET /v1/events stream (pos-tills-worker.ts: a worker thread, each till from its own loopback
 * address). The two alternate in rounds, so a drift of the shared machine falls on both alike.
 */
export async function benchPosLoad(counter: WebCounter, api: string, quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  const perRound = (quick ? 10 : 100) / ROUNDS;
  step(`making ${TILLS} POS keys, a checkout each`);
  const tills = [];
  for (let i = 0; i < TILLS; i++) {
    const till = await newTill(counter, api, `Load till ${i + 1}`);
    const checkout = await posSale(till, i, 'demo');
    await endPosSale(counter, till, checkout, true);
    tills.push({ key: till.key, checkoutId: checkout.id, localAddress: `127.0.0.${11 + i}` });
  }
  const quiet: number[] = [];
  const loaded: number[] = [];
  const reports: TillsReport[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    step(`Charge → QR painted, no POS clients (round ${round}/${ROUNDS}, ${perRound} payments)`);
    quiet.push(...(await chargeToQrPainted(counter, perRound)));
    const running = await startTills({ baseUrl: api, pollMs: POLL_MS, tills });
    try {
      step(`Charge → QR painted, ${TILLS} POS clients polling and streaming (round ${round}/${ROUNDS}, ${perRound} payments)`);
      loaded.push(...(await chargeToQrPainted(counter, perRound)));
    } finally {
      reports.push(await running.stop());
    }
  }
  const seen = addReports(reports);
  const payments = `${perRound * ROUNDS} payments (${ROUNDS} rounds, ${WARM_UP_SALES} warm-up each), alternating with the other row`;
  const slowdown = (p: number) => (percentile(loaded, p) / percentile(quiet, p) - 1) * 100;
  const p95 = slowdown(95);
  return [
    row('Charge → QR painted, POS API on, no POS clients', 'ms', quiet, 50, `keyed over the cashier's WebSocket, web mode, Chromium, simulator at 0 ms, ${payments}`),
    row(
      `Charge → QR painted, ${TILLS} POS clients polling and streaming`,
      'ms',
      loaded,
      50,
      `the same, while ${TILLS} tills (a worker thread, each its own 127.0.0.x) each GET their checkout every ${POLL_MS} ms and hold GET /v1/events open; GETs: ${seen.gets}; ${seen.events / TILLS} events reached each stream (none expected: no checkout changed meanwhile)${seen.problems.length === 0 ? '; no refusals, drops or skipped polls' : `; ${seen.problems.join('; ')}`}`,
    ),
    {
      figure: `keyed sale slowdown with ${TILLS} POS clients`,
      unit: '%',
      median: slowdown(50),
      p95,
      target: 10,
      met: p95 <= 10,
      conditions: 'the two rows above: median column = slowdown of the medians, p95 column = of the p95s (the target applies to it)',
    },
  ];
}
