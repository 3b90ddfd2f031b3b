import { encodeReceipt, type EncodeOptions } from '../../app/receipt/escpos/encoder';
import { paidReceipt, qrSlip } from '../../app/receipt/layouts/payment-slips';
import { PAPER, type PaperWidth } from '../../app/receipt/paper';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { AT, ATOME_PAYLOAD, MERCHANT, SG } from '../support/receipt-fixtures';
import { row, type BenchRow } from './stats';

/** 8N1 serial: a start bit, eight data bits and a stop bit for every byte. */
const BITS_PER_BYTE = 10;
const BAUD = 9600;

/** A customer waits for the QR slip: beyond about three seconds on the wire the counter feels stuck. */
const SLIP_SECONDS_TARGET = 3;
const BYTES_TARGET = (BAUD / BITS_PER_BYTE) * SLIP_SECONDS_TARGET;

type Variant = { readonly name: string; readonly options: Pick<EncodeOptions, 'qr' | 'wholeImage'> };
const VARIANTS: readonly Variant[] = [
  { name: 'native QR', options: { qr: 'native' } },
  { name: 'raster QR', options: { qr: 'raster' } },
  { name: 'whole receipt as one image', options: { qr: 'raster', wholeImage: true } },
];

/**
 * Bytes a QR slip and a paid receipt take, and their time on a 9600-baud serial line, for each way
 * of sending them. Sizes are exact, so median and p95 are the one value.
 */
export function benchPrinterBytes(width: PaperWidth = '58mm'): BenchRow[] {
  const paper = PAPER[width];
  const amount = { minor: 1234, currency: 'SGD' as const };
  const docs = [
    { name: 'QR slip', doc: qrSlip({ merchant: MERCHANT, amount, method: 'Atome', reference: 'SO-20250615-0042', validUntil: AT + 600_000, payload: ATOME_PAYLOAD, locale: SG }) },
    { name: 'paid receipt', doc: paidReceipt({ merchant: MERCHANT, amount, method: 'Atome', paidAt: AT, providerChargeId: 'chrg_test_5xq9w2k3m1p0', reference: 'SO-20250615-0042', status: 'Paid', locale: SG }) },
  ];
  const rows: BenchRow[] = [];
  for (const { name, doc } of docs) {
    for (const variant of VARIANTS) {
      const size = encodeReceipt(doc, { paper, qrMatrix: qrcodeMatrix, ...variant.options }).bytes.length;
      const seconds = (size * BITS_PER_BYTE) / BAUD;
      const conditions = `${width}, ${variant.name}, ${ATOME_PAYLOAD.length}-char payload`;
      rows.push(row(`printer: ${name} size`, 'B', [size], BYTES_TARGET, conditions));
      rows.push(row(`printer: ${name} at 9600 baud`, 's', [seconds], SLIP_SECONDS_TARGET, `${conditions}, 10 bits a byte`));
    }
  }
  return rows;
}
