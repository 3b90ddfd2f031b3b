import { expect } from 'vitest';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';

/** What the terminal's printer test page encodes in its QR (printer-service's test_qr page). */
const TEST_PAGE_PAYLOAD = 'QR COUNTER TERMINAL TEST';

/**
 * For "nothing more is printed" checks without a sleep. The terminal prints one job at a time, in
 * order, over one connection: once a test page asked for now has come out, every slip the terminal
 * had queued before it (a resumed receipt, say) has come out too. `printTest` asks the terminal for
 * the page through whatever API the test drives.
 */
export async function printerCaughtUp(printer: VirtualPrinter, printTest: () => Promise<unknown>): Promise<void> {
  const mark = printer.lastReceipt()?.index ?? -1;
  await printTest();
  await expect
    .poll(() => printer.receipts().some((r) => r.index > mark && r.qrPayloads.some((p) => p.startsWith(TEST_PAGE_PAYLOAD))), { timeout: 15_000 })
    .toBe(true);
}
