import { describe, expect, it } from 'vitest';
import { MAX_BUFFERED_REPLY_BYTES, ReplyReader } from '../../electron/devices/printer/reply-reader';

describe('the printer reply reader', () => {
  it('hands bytes over in order, to a reader waiting or later', async () => {
    const reader = new ReplyReader();
    const waiting = reader.readByte(1000);
    reader.push(Uint8Array.from([0x12, 0x16]));
    expect(await waiting).toBe(0x12);
    expect(await reader.readByte(1000)).toBe(0x16);
  });

  it('keeps only the latest bytes when a device streams what nobody asked for', async () => {
    const reader = new ReplyReader();
    const flood = new Uint8Array(10 * 1024 * 1024).fill(0xaa);
    flood[flood.length - 1] = 0x12;
    reader.push(flood);
    let kept = 0;
    let last = -1;
    for (let i = 0; i < MAX_BUFFERED_REPLY_BYTES; i++) {
      last = await reader.readByte(1000);
      kept += 1;
    }
    expect(kept).toBe(MAX_BUFFERED_REPLY_BYTES);
    expect(last).toBe(0x12);
    await expect(reader.readByte(1)).rejects.toThrow('no status reply within 1 ms');
  });
});
