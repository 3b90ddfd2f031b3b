import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeReceipt, type QrMode } from '../../app/receipt/escpos/encoder';
import { PAPER, PAPER_WIDTHS } from '../../app/receipt/paper';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { TcpTransport } from '../../electron/devices/printer/tcp-transport';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { decodeQrFromPng } from '../support/qr-decode';
import { everySlip } from '../support/receipt-fixtures';

// Every slip, both rolls, both QR modes: real bytes over a real socket, decoded from the printed pixels.
const MODES: readonly QrMode[] = ['native', 'raster'];

for (const width of PAPER_WIDTHS) {
  describe(`printing on ${width} paper`, () => {
    const paper = PAPER[width];
    const printer = new VirtualPrinter({ dots: paper.dots });
    let transport: TcpTransport;

    beforeAll(async () => {
      const port = await printer.listen();
      transport = new TcpTransport({ host: '127.0.0.1', port });
    });
    afterAll(async () => {
      await transport.close();
      await printer.close();
    });

    for (const mode of MODES) {
      for (const slip of everySlip()) {
        it(`${slip.name}, ${mode} QR: prints, and its QR scans back to the payload`, async () => {
          const { bytes, warnings } = encodeReceipt(slip.doc, { paper, qr: mode, qrMatrix: qrcodeMatrix });
          expect(warnings).toEqual([]);
          const printed = printer.nextReceipt();
          await transport.write(bytes, 5000);
          const receipt = await printed;

          expect(receipt.width).toBe(paper.dots);
          expect(printer.unknownBytes).toBe(0);
          const text = receipt.lines.join('\n');
          for (const needle of slip.mustShow) expect(text).toContain(needle);
          for (const line of receipt.lines) expect(Array.from(line).length).toBeLessThanOrEqual(paper.columns);
          expect(decodeQrFromPng(receipt.png)).toBe(slip.payload);
          if (mode === 'native' && slip.payload !== null) expect(receipt.qrPayloads).toEqual([slip.payload]);
        });
      }
    }

    it('whole receipt as one image: the QR still scans', async () => {
      const slip = everySlip()[0]!;
      const { bytes } = encodeReceipt(slip.doc, { paper, qr: 'raster', qrMatrix: qrcodeMatrix, wholeImage: true });
      const printed = printer.nextReceipt();
      await transport.write(bytes, 5000);
      const receipt = await printed;
      expect(receipt.lines).toEqual([]);
      expect(decodeQrFromPng(receipt.png)).toBe(slip.payload);
    });
  });
}
