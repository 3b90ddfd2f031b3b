import { describe, expect, it } from 'vitest';
import { createCharge, decodeDocument, downloadQr, opnApi, opnControl, useOpnSim } from '../support/opn-sim-http';

describe('Opn simulator, test option svgQrImages: an SVG for a method whose format no doc shows', () => {
  const sim = useOpnSim({ svgQrImages: ['paynow', 'alipayplus_mpm'] });

  it('PayNow and Alipay+ serve qrcode.svg that decodes to their payload; the others keep their format', async () => {
    const expected = [
      ['paynow', 'SGD', 'image/svg+xml'],
      ['alipayplus_mpm', 'SGD', 'image/svg+xml'],
      ['truemoney_qr', 'THB', 'image/png'],
      ['promptpay', 'THB', 'image/svg+xml'],
      ['atome_qr', 'SGD', 'image/png'],
    ] as const;
    for (const [type, currency, contentType] of expected) {
      const charge = await createCharge(sim(), { amount: '5000', currency, 'source[type]': type });
      expect(charge.source.scannable_code!.image.filename).toBe(contentType === 'image/png' ? 'qrcode.png' : 'qrcode.svg');
      const download = await downloadQr(charge);
      expect(download.contentType).toBe(contentType);
      expect(decodeDocument(download)).toBe(sim().qrPayload(charge.id));
    }
  });
});

describe('Opn simulator: SVG documents in the blank and oversized modes, for the client\u2019s checks', () => {
  const sim = useOpnSim();
  const promptpay = { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' };

  it('a blank SVG is a picture with no QR in it', async () => {
    sim().setQrImage('blank');
    const download = await downloadQr(await createCharge(sim(), promptpay));
    expect(download.contentType).toBe('image/svg+xml');
    expect(download.bytes.toString('utf8')).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    expect(decodeDocument(download)).toBeNull();
  });

  it('an oversized SVG is well past the terminal\u2019s 512 KB, and still an SVG', async () => {
    const response = await opnControl(sim(), 'qr-image', { mode: 'oversized' });
    expect(response.status).toBe(200);
    const download = await downloadQr(await createCharge(sim(), promptpay));
    expect(download.contentType).toBe('image/svg+xml');
    expect(download.bytes.length).toBeGreaterThan(512 * 1024);
    expect(download.bytes.subarray(0, 4).toString('utf8')).toBe('<svg');
  });
});

describe('Opn simulator, test option redirectFlow: a method that answers as a redirect', () => {
  const sim = useOpnSim({ redirectFlow: ['promptpay'] });

  it('PromptPay then answers flow redirect, an authorize_uri and no scannable code; no QR is kept', async () => {
    const charge = await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay', return_uri: 'https://shop.example/done' });
    expect(charge.source).toMatchObject({ type: 'promptpay', flow: 'redirect', scannable_code: null });
    expect(charge.authorize_uri).toMatch(new RegExp(`^${sim().baseUrl}/payments/pay2_test_[0-9a-z]+/authorize$`));
    expect(charge.return_uri).toBe('https://shop.example/done');
    expect(charge.status).toBe('pending');
    expect(sim().qrPayload(charge.id)).toBeNull();
    // The charge can still be expired, as the client must do when it refuses the flow.
    const expired = await opnApi(sim(), `/charges/${charge.id}/expire`, {});
    expect(expired.json).toMatchObject({ status: 'expired', expired: true });
  });

  it('without a return_uri the charge says null; a hostile one is refused', async () => {
    const form = { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' };
    expect((await createCharge(sim(), form)).return_uri).toBeNull();
    for (const uri of ['javascript:alert(1)', 'not a url', `https://shop.example/${'a'.repeat(3000)}`]) {
      const answer = await opnApi(sim(), '/charges', { ...form, return_uri: uri });
      expect(answer).toEqual({ status: 400, json: { object: 'error', code: 'invalid_charge', message: 'return_uri is not a valid URL' } });
    }
    expect(sim().charges()).toHaveLength(1);
  });

  it('the other methods stay offline', async () => {
    const charge = await createCharge(sim(), { amount: '5000', currency: 'SGD', 'source[type]': 'paynow' });
    expect([charge.source.flow, charge.authorize_uri]).toEqual(['offline', null]);
  });
});
