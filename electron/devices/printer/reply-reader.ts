/**
 * The most unread bytes kept. A status answer is one byte; a printer (or whatever answers at its
 * address) that streams bytes nobody asked for must not fill memory, so only the latest are kept.
 */
export const MAX_BUFFERED_REPLY_BYTES = 256;

/** Bytes the printer sends back, read one at a time with a deadline (DLE EOT answers one byte each). */
export class ReplyReader {
  private readonly buffered: number[] = [];
  private waiter: ((b: number) => void) | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      const w = this.waiter;
      if (w) {
        this.waiter = null;
        w(b);
      } else {
        this.buffered.push(b);
        if (this.buffered.length > MAX_BUFFERED_REPLY_BYTES) this.buffered.shift();
      }
    }
  }

  /** Drops stale bytes (e.g. a late answer to a query that timed out) before a new question. */
  clear(): void {
    this.buffered.length = 0;
  }

  readByte(timeoutMs: number): Promise<number> {
    const next = this.buffered.shift();
    if (next !== undefined) return Promise.resolve(next);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no status reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = (b) => {
        clearTimeout(timer);
        resolve(b);
      };
    });
  }
}
