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
