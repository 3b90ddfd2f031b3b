import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import { paidReceipt } from '../../app/receipt/layouts/payment-slips';
import { PAPER } from '../../app/receipt/paper';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { TcpTransport } from '../../electron/devices/printer/tcp-transport';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { AT, SG } from '../support/receipt-fixtures';

describe('non-ASCII text through the virtual printer', () => {
  const printer = new VirtualPrinter({ dots: 384 });
  let transport: TcpTransport;
  beforeAll(async () => {
    transport = new TcpTransport({ host: '127.0.0.1', port: await printer.listen() });
  });
  afterAll(async () => {
    await transport.close();
    await printer.close();
  });

  const print = async (name: string, addressLines: string[]) => {
    const doc = paidReceipt({ merchant: { name, addressLines }, amount: { minor: 990, currency: 'MYR' }, method: 'Atome', paidAt: AT, providerChargeId: 'chrg_1', reference: 'SO-1', status: 'Paid', locale: SG });
    const encoded = encodeReceipt(doc, { paper: PAPER['58mm'], qr: 'native', qrMatrix: qrcodeMatrix });
    const printed = printer.nextReceipt();
    await transport.write(encoded.bytes, 5000);
    return { receipt: await printed, warnings: encoded.warnings };
  };

  it('a WPC1252 merchant name comes out as written', async () => {
    const { receipt, warnings } = await print('Café Crème «Chez Zoë»', ['Rue de l’Église 5']);
    expect(warnings).toEqual([]);
    expect(receipt.lines.map((l) => l.trim())).toEqual(expect.arrayContaining(['Café Crème «Chez Zoë»', 'Rue de l’Église 5', 'MYR 9.90']));
  });

  it('what the code page lacks is transliterated or printed as "?", with a warning', async () => {
    const { receipt, warnings } = await print('Kedai Kopi 新加坡', ['Jalan Łódź 1']);
    expect(receipt.lines.map((l) => l.trim())).toEqual(expect.arrayContaining(['Kedai Kopi ???', 'Jalan Lódz 1']));
    expect(warnings).toEqual(['The printer\'s code page (WPC1252) has no 新 加 坡: printed as "?"']);
  });
});
