import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import { receiptDocument, cut, text } from '../../app/receipt/document';
import { PAPER } from '../../app/receipt/paper';
import { PrintQueue, type QueueEvent } from '../../electron/devices/printer/print-queue';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { TcpTransport } from '../../electron/devices/printer/tcp-transport';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { decodeQrFromPng } from '../support/qr-decode';
import { everySlip } from '../support/receipt-fixtures';

const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

const paper = PAPER['58mm'];
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function rig(statusTimeoutMs = 2000) {
  const printer = new VirtualPrinter({ dots: paper.dots });
  const port = await printer.listen();
  const transport = new TcpTransport({ host: '127.0.0.1', port });
  const queue = new PrintQueue({ transport, clock: realClock, timeoutMs: 5000, statusTimeoutMs, retries: 1, backoffMs: 50 });
  cleanup.push(() => transport.close(), () => printer.close());
  const events: QueueEvent[] = [];
  queue.on((e) => events.push(e));
  return { printer, queue, events };
}

describe('the printer runs out of paper', () => {
  it('the queue reports paper out and fails the job clearly; after new paper the reprint prints', async () => {
    const { printer, queue, events } = await rig();
    const slip = everySlip()[1]!;
    const bytes = encodeReceipt(slip.doc, { paper, qr: 'native', qrMatrix: qrcodeMatrix }).bytes;
    printer.setState({ paperOut: true });

    const failed = await queue.print({ id: 'receipt:pay_1', label: 'Paid receipt SO-20250615-0042', bytes });
    expect(failed).toMatchObject({ ok: false, id: 'receipt:pay_1', attempts: 1, message: 'Paid receipt SO-20250615-0042 did not print: Printer is out of paper' });
    const status = queue.status();
    expect(status.known && status.paperOut).toBe(true);
    expect(events.some((e) => e.type === 'status' && e.status.known && e.status.paperOut)).toBe(true);
    expect(printer.receipts()).toHaveLength(0);

    printer.setState({ paperOut: false });
    const printed = printer.nextReceipt();
    expect(await queue.reprint('receipt:pay_1')).toEqual({ ok: true, id: 'receipt:pay_1', attempts: 1 });
    const receipt = await printed;
    expect(receipt.lines.join('\n')).toContain('SGD 12.34');
    expect(queue.status()).toMatchObject({ known: true, ready: true });
  });

  it('a QR slip printed after the cover is closed again still scans', async () => {
    const { printer, queue } = await rig();
    const slip = everySlip()[0]!;
    printer.setState({ coverOpen: true });
    const bytes = encodeReceipt(slip.doc, { paper, qr: 'raster', qrMatrix: qrcodeMatrix }).bytes;
    expect(await queue.print({ id: 'qr:pay_2', label: 'QR slip', bytes })).toMatchObject({ ok: false, message: 'QR slip did not print: Printer cover is open' });
    printer.setState({ coverOpen: false });
    const printed = printer.nextReceipt();
    expect((await queue.reprint('qr:pay_2')).ok).toBe(true);
    expect(decodeQrFromPng((await printed).png)).toBe(slip.payload);
  });

  it('a printer that never answers status is "unknown", and the job is still sent', async () => {
    const { printer, queue } = await rig(100);
    printer.setState({ answersStatus: false });
    const bytes = encodeReceipt(receiptDocument([text('hello'), cut()]), { paper, qr: 'native', qrMatrix: qrcodeMatrix }).bytes;
    const printed = printer.nextReceipt();
    expect((await queue.print({ id: 'x', label: 'Test page', bytes })).ok).toBe(true);
    expect((await printed).lines).toEqual(['hello']);
    expect(queue.status()).toMatchObject({ known: false, reason: expect.stringContaining('did not answer') });
  });
});
