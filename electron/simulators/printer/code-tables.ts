/**
 * Byte → text for the code tables the virtual printer knows. Written out here rather than using
 * TextDecoder('windows-1252'), which Node decodes as Latin-1 (0x92 comes out as a control character).
 */
const WPC1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export type CodeTable = (bytes: Uint8Array) => string;

const wpc1252: CodeTable = (bytes) =>
  Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? (WPC1252_80_9F[b - 0x80] ?? '?') : String.fromCharCode(b))).join('');

// PC437's upper half is box drawing and a few accents; unprintable here, shown as "?" so tests notice.
const pc437: CodeTable = (bytes) => Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');

/** By ESC t number; an unknown table reads as WPC1252 (the encoder's choice). */
export function codeTable(n: number): CodeTable {
  return n === 0 ? pc437 : wpc1252;
}
