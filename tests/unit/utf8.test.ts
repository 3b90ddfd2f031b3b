import { describe, expect, it } from 'vitest';
import { utf8ToBase64 } from '../../app/util/base64';
import { utf8Bytes } from '../../app/util/utf8';

// The one hand-written encoder serves receipts (QR payload) and basic auth; Node's TextEncoder is the reference.
const samples = ['', 'ABC', 'café', '€ 12.50', 'ร้านค้า', '支付', '😀 pay', 'a\u0000b'];

describe('utf8Bytes', () => {
  it.each(samples)('matches TextEncoder for %j', (text) => {
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  });

  it('feeds basic auth the same bytes Buffer would', () => {
    for (const text of samples) expect(utf8ToBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});
