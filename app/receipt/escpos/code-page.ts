/**
 * Text goes out in WPC1252 (ESC t 16): it covers English, Malay and the Western European accents
 * ("Café") in one byte a character. What it lacks is transliterated (ā → a); what has no Latin form
 * (新加坡) prints as "?" and is reported, so the lead can warn rather than print garbage.
 */
export const CODE_TABLE_WPC1252 = 16;

// WPC1252 0x80–0x9F; 0xA0–0xFF equal Latin-1, 0x00–0x7F equal ASCII.
const HIGH: readonly (readonly [string, number])[] = [
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88], ['‰', 0x89],
  ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95],
  ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
];
const HIGH_MAP = new Map(HIGH);

// Letters whose decomposition has no base letter.
const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'], ['ı', 'i'], ['ħ', 'h'], ['Ħ', 'H'], ['\u00a0', ' '], ['\u202f', ' '], ['\u2009', ' '],
]);

function byteOf(ch: string): number | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch.length === 1 && (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff))) return cp === 0x7f || (cp < 0x20 && cp !== 0x0a) ? undefined : cp;
  return HIGH_MAP.get(ch);
}

export interface EncodedText {
  readonly bytes: Uint8Array;
  /** Characters printed as "?", in order of appearance, each once. */
  readonly unprintable: readonly string[];
}

export function encodeText(text: string): EncodedText {
  const out: number[] = [];
  const unprintable: string[] = [];
  for (const ch of Array.from(text)) {
    const direct = byteOf(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const fallback = SPECIAL.get(ch) ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    const bytes = Array.from(fallback).map(byteOf);
    if (fallback.length > 0 && bytes.every((b): b is number => b !== undefined)) {
      out.push(...bytes);
      continue;
    }
    out.push(0x3f);
    if (!unprintable.includes(ch)) unprintable.push(ch);
  }
  return { bytes: Uint8Array.from(out), unprintable };
}

/** What a printer with WPC1252 prints for `text`, as text: the preview's honest version. */
export function printableText(text: string): string {
  return Array.from(encodeText(text).bytes, (b) => {
    if (b < 0x80 || b >= 0xa0) return String.fromCharCode(b);
    return HIGH.find(([, v]) => v === b)?.[0] ?? '?';
  }).join('');
}
