import { isOrangepillStatus } from '../../app/providers/orangepill/orangepill-api';

/**
 * What a cashier must not read outside an "Advanced" or "Details" part (issue 18, "Words"): setting
 * paths, protocol names, file names and a provider's raw status codes. Each finder returns what it found.
 */
const JARGON: readonly { readonly name: string; readonly find: (text: string) => string | null }[] = [
  { name: 'a setting path "x.y in settings"', find: (t) => /\b[a-z]\w*(?:\.[a-z]\w*)+ in settings\b/.exec(t)?.[0] ?? null },
  { name: 'a setting path in brackets "(x.y)"', find: (t) => /\(\s*[a-z]\w*(?:\.[a-z]\w*)+\s*\)/.exec(t)?.[0] ?? null },
  { name: 'a setting path "x.y.z must…"', find: (t) => /\b[a-z]\w*(?:\.[a-z]\w*)+ (?:must|is|cannot)\b/.exec(t)?.[0] ?? null },
  { name: 'the protocol name "GS ("', find: (t) => /GS \(/.exec(t)?.[0] ?? null },
  { name: 'the protocol name "ESC/POS"', find: (t) => /ESC\/POS/.exec(t)?.[0] ?? null },
  { name: 'a file name ".json"', find: (t) => /\w\.json\b/.exec(t)?.[0] ?? null },
  { name: 'a raw provider status', find: (t) => (t.match(/\b[A-Z]{4,}\b/g) ?? []).find((w) => isOrangepillStatus(w)) ?? null },
];

/** Each piece of jargon in `text`, named, with the text it sits in; empty when there is none. */
export function jargonIn(text: string): string[] {
  return JARGON.flatMap(({ name, find }) => {
    const hit = find(text);
    return hit === null ? [] : [`${name}: ${JSON.stringify(hit)} in ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`];
  });
}
