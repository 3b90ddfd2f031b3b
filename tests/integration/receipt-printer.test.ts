import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { qr, receiptDocument } from '../../app/receipt/document';
import { PAPER } from '../../app/receipt/paper';
import { createReceiptPrinter, type ReceiptPrinter } from '../../electron/devices/printer/receipt-printer';
import { TcpTransport } from '../../electron/devices/printer/tcp-transport';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { decodeQrFromPng } from '../support/qr-decode';
import { everySlip } from '../support/receipt-fixtures';

const clock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

describe('the receipt printer as the terminal service will hold it', () => {
  const printer = new VirtualPrinter({ dots: 576 });
  let receiptPrinter: ReceiptPrinter;
  beforeAll(async () => {
    const transport = new TcpTransport({ host: '127.0.0.1', port: await printer.listen() });
    receiptPrinter = createReceiptPrinter({ transport, paper: PAPER['80mm'], qr: 'native', clock });
  });
  afterAll(async () => {
    await receiptPrinter.close();
    await printer.close();
  });

  it('prints a document and reports the outcome; the last receipt PNG holds the QR', async () => {
    const slip = everySlip()[0]!;
    // "printed" means the printer took the bytes; the paper comes out a moment later.
    const printed = printer.nextReceipt();
    const outcome = await receiptPrinter.print('qr:pay_1', 'QR slip SO-20250615-0042', slip.doc);
    expect(outcome).toEqual({ ok: true, id: 'qr:pay_1', attempts: 1, warnings: [] });
    await printed;
    expect(decodeQrFromPng(printer.lastReceipt()!.png)).toBe(slip.payload);
    expect(receiptPrinter.status()).toMatchObject({ known: true, ready: true });
    expect(receiptPrinter.jobs()).toEqual([{ id: 'qr:pay_1', label: 'QR slip SO-20250615-0042', state: 'printed', attempts: 1, message: null }]);
  });

  it('a document that cannot be encoded is a failed outcome, not an exception', async () => {
    const outcome = await receiptPrinter.print('qr:huge', 'QR slip', receiptDocument([qr('x'.repeat(8000))]));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/^QR slip could not be prepared: /);
  });
});
