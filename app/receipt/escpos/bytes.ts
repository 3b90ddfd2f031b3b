/** Collects command bytes; one Uint8Array at the end, so no platform Buffer is needed. */
export class ByteSink {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  push(...bytes: readonly (number | Uint8Array | readonly number[])[]): this {
    for (const b of bytes) {
      const part = typeof b === 'number' ? Uint8Array.of(b) : b instanceof Uint8Array ? b : Uint8Array.from(b);
      this.parts.push(part);
      this.length += part.length;
    }
    return this;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** UTF-8 by hand: app/ is compiled without DOM or Node, so there is no TextEncoder here. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of Array.from(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
