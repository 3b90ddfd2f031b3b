/**
 * Maps text to the display's character set: printable ASCII 0x20–0x7E, which every supported command
 * set shows the same way (their upper halves are code pages that differ from model to model).
 */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ı: 'i', '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-',
  '\u2014': '-', '\u2026': '...', '\u00a0': ' ', '\u00d7': 'x', '\u20ac': 'EUR', '\u00a3': 'GBP', '\u00a5': 'JPY',
};

const COMBINING = /[\u0300-\u036f]/g;

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

function mapChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (isPrintableAscii(code)) return ch;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return ' ';
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  // Fullwidth forms (common in CJK input) map one to one onto ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  // Decompose per character, so "é" loses its accent while a Hangul syllable stays one "?".
  const base = ch.normalize('NFD').replace(COMBINING, '');
  if (base.length > 0 && [...base].every((c) => isPrintableAscii(c.codePointAt(0) ?? 0))) return base;
  return '?';
}

/** "Café" → "Cafe", "支付" → "??", an emoji → "?"; control characters other than whitespace become "?". */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += mapChar(ch);
  return out;
}
