/** One ESC/POS command as the virtual printer understands it. */
export type EscPosCommand =
  | { readonly op: 'text'; readonly bytes: Uint8Array }
  | { readonly op: 'lf' }
  | { readonly op: 'init' }
  | { readonly op: 'code-table'; readonly n: number }
  | { readonly op: 'align'; readonly n: number }
  | { readonly op: 'bold'; readonly on: boolean }
  | { readonly op: 'size'; readonly width: number; readonly height: number }
  | { readonly op: 'feed-dots'; readonly n: number }
  | { readonly op: 'feed-lines'; readonly n: number }
  | { readonly op: 'symbol'; readonly cn: number; readonly fn: number; readonly params: Uint8Array }
  | { readonly op: 'raster'; readonly m: number; readonly widthBytes: number; readonly height: number; readonly data: Uint8Array }
  | { readonly op: 'cut'; readonly partial: boolean }
  | { readonly op: 'status'; readonly n: number }
  | { readonly op: 'ignored'; readonly what: string }
  | { readonly op: 'unknown'; readonly bytes: Uint8Array };

type Step = { readonly command: EscPosCommand; readonly length: number } | 'more';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

// ESC commands with one parameter byte that change nothing we draw.
const ESC_IGNORED_1: ReadonlyMap<number, string> = new Map([
  [0x2d, 'underline'], [0x33, 'line spacing'], [0x4d, 'font'], [0x52, 'international set'], [0x7b, 'upside down'], [0x20, 'right spacing'], [0x47, 'double strike'],
]);

function escStep(buf: Uint8Array, at: number): Step {
  const c = buf[at + 1];
  if (c === undefined) return 'more';
  const n = buf[at + 2];
  if (c === 0x40) return { command: { op: 'init' }, length: 2 };
  if (c === 0x32) return { command: { op: 'ignored', what: 'default line spacing' }, length: 2 };
  if (n === undefined) return 'more';
  switch (c) {
    case 0x74:
      return { command: { op: 'code-table', n }, length: 3 };
    case 0x61:
      return { command: { op: 'align', n: n % 48 }, length: 3 };
    case 0x45:
      return { command: { op: 'bold', on: (n & 1) === 1 }, length: 3 };
    case 0x4a:
      return { command: { op: 'feed-dots', n }, length: 3 };
    case 0x64:
      return { command: { op: 'feed-lines', n }, length: 3 };
    case 0x21:
      // ESC ! n: bit 3 bold, bit 4 double height, bit 5 double width.
      return { command: { op: 'size', width: n & 0x20 ? 2 : 1, height: n & 0x10 ? 2 : 1 }, length: 3 };
    default: {
      const what = ESC_IGNORED_1.get(c);
      if (what) return { command: { op: 'ignored', what }, length: 3 };
      return { command: { op: 'unknown', bytes: buf.slice(at, at + 2) }, length: 2 };
    }
  }
}

function gsStep(buf: Uint8Array, at: number): Step {
  const c = buf[at + 1];
  if (c === undefined) return 'more';
  if (c === 0x21) {
    const n = buf[at + 2];
    if (n === undefined) return 'more';
    return { command: { op: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 }, length: 3 };
  }
  if (c === 0x28 && buf[at + 2] === 0x6b) {
    if (at + 5 > buf.length) return 'more';
    const len = (buf[at + 3] ?? 0) + (buf[at + 4] ?? 0) * 256;
    if (at + 5 + len > buf.length) return 'more';
    const cn = buf[at + 5] ?? 0;
    const fn = buf[at + 6] ?? 0;
    return { command: { op: 'symbol', cn, fn, params: buf.slice(at + 7, at + 5 + len) }, length: 5 + len };
  }
  if (c === 0x28 && buf[at + 2] === undefined) return 'more';
  if (c === 0x76 && buf[at + 2] !== undefined) {
    if (buf[at + 2] !== 0x30) return { command: { op: 'unknown', bytes: buf.slice(at, at + 3) }, length: 3 };
    if (at + 8 > buf.length) return 'more';
    const m = buf[at + 3] ?? 0;
    const widthBytes = (buf[at + 4] ?? 0) + (buf[at + 5] ?? 0) * 256;
    const height = (buf[at + 6] ?? 0) + (buf[at + 7] ?? 0) * 256;
    const end = at + 8 + widthBytes * height;
    if (end > buf.length) return 'more';
    return { command: { op: 'raster', m, widthBytes, height, data: buf.slice(at + 8, end) }, length: 8 + widthBytes * height };
  }
  if (c === 0x76) return 'more';
  if (c === 0x56) {
    const m = buf[at + 2];
    if (m === undefined) return 'more';
    const partial = m === 1 || m === 49 || m === 66 || m === 68 || m === 104;
    // Function B, C, D (m ≥ 65) carry a feed amount n.
    if (m >= 65) return buf[at + 3] === undefined ? 'more' : { command: { op: 'cut', partial }, length: 4 };
    return { command: { op: 'cut', partial }, length: 3 };
  }
  return { command: { op: 'unknown', bytes: buf.slice(at, at + 2) }, length: 2 };
}

function step(buf: Uint8Array, at: number): Step {
  const b = buf[at] ?? 0;
  if (b === 0x0a) return { command: { op: 'lf' }, length: 1 };
  if (b === 0x0d) return { command: { op: 'ignored', what: 'carriage return' }, length: 1 };
  if (b === ESC) return escStep(buf, at);
  if (b === GS) return gsStep(buf, at);
  if (b === DLE) {
    const c = buf[at + 1];
    const n = buf[at + 2];
    if (c === undefined || (c === 0x04 && n === undefined)) return 'more';
    if (c === 0x04 && n !== undefined) return { command: { op: 'status', n }, length: 3 };
    return { command: { op: 'unknown', bytes: buf.slice(at, at + 2) }, length: 2 };
  }
  if (b < 0x20 || b === 0x7f) return { command: { op: 'unknown', bytes: buf.slice(at, at + 1) }, length: 1 };
  let end = at;
  while (end < buf.length && (buf[end] ?? 0) >= 0x20 && buf[end] !== 0x7f) end += 1;
  return { command: { op: 'text', bytes: buf.slice(at, end) }, length: end - at };
}

/** Splits a byte stream into commands, keeping an incomplete command until the rest arrives. */
export class EscPosParser {
  private pending = new Uint8Array(0);

  feed(chunk: Uint8Array): EscPosCommand[] {
    const buf = new Uint8Array(this.pending.length + chunk.length);
    buf.set(this.pending);
    buf.set(chunk, this.pending.length);
    const out: EscPosCommand[] = [];
    let at = 0;
    while (at < buf.length) {
      const s = step(buf, at);
      if (s === 'more') break;
      out.push(s.command);
      at += s.length;
    }
    this.pending = buf.slice(at);
    return out;
  }
}
