import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { certificateSerial, createTlsIdentity } from '../../electron/service/pos-api/tls/tls-identity';

describe("the POS API certificate's serial", () => {
  it('is a positive DER INTEGER with no padding byte, whatever the random bytes start with', () => {
    for (let first = 0; first < 256; first += 1) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const random = new Uint8Array(16).fill(0x5a);
        random[0] = first;
        random[1] = second;
        const serial = certificateSerial(random);
        expect(serial).toHaveLength(16);
        // DER: the first byte neither 0x00 (padding, unless the next has its top bit) nor with its top bit set (negative).
        expect(serial[0]).not.toBe(0);
        expect((serial[0] ?? 0) & 0x80).toBe(0);
        const der = new asn1js.Integer({ valueHex: serial }).toBER(false);
        expect(asn1js.fromBER(der).offset).not.toBe(-1);
      }
    }
  });

  it('leaves the random bytes it was given alone, and keeps the rest of them', () => {
    const random = Uint8Array.from({ length: 16 }, (_, i) => i * 13);
    const serial = certificateSerial(random);
    expect(random[0]).toBe(0);
    expect([...serial.slice(1)]).toEqual([...random.slice(1)]);
  });

  it('gives certificates OpenSSL reads', async () => {
    for (let i = 0; i < 8; i += 1) {
      const { cert } = await createTlsIdentity(new Date('2026-12-07T12:00:00Z'));
      const parsed = new X509Certificate(cert);
      expect(parsed.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    }
  });
});
