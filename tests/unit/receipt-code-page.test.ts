import { describe, expect, it } from 'vitest';
import { encodeText, printableText } from '../../app/receipt/escpos/code-page';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import { receiptDocument, text } from '../../app/receipt/document';
import { PAPER } from '../../app/receipt/paper';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';

describe('WPC1252 text', () => {
  it('prints ASCII as itself and Latin-1 letters as their WPC1252 bytes', () => {
    expect(Array.from(encodeText('Café RM5').bytes)).toEqual([0x43, 0x61, 0x66, 0xe9, 0x20, 0x52, 0x4d, 0x35]);
    expect(Array.from(encodeText('€ “ok”').bytes)).toEqual([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
  });

  it('transliterates letters the table lacks', () => {
    expect(printableText('Łódź Ārāu')).toBe('Lódz Arau');
  });

  it('prints what has no Latin form as "?" and says which characters', () => {
    const encoded = encodeText('新加坡 Café');
    expect(printableText('新加坡 Café')).toBe('??? Café');
    expect(encoded.unprintable).toEqual(['新', '加', '坡']);
  });

  it('the encoder warns once about unprintable characters', () => {
    const { warnings } = encodeReceipt(receiptDocument([text('新加坡'), text('新')]), { paper: PAPER['58mm'], qr: 'native', qrMatrix: qrcodeMatrix });
    expect(warnings).toEqual(['The printer\'s code page (WPC1252) has no 新 加 坡: printed as "?"']);
  });
});
