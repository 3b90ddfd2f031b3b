/**
 * What a client sent instead of what a field needs, for an error sentence. A string is quoted, escaped
 * and cut short, so a hostile megabyte (or a control character) is never echoed back or logged whole.
 */
export function describeInput(v: unknown): string {
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (v === null) return 'null';
  return Array.isArray(v) ? 'a list' : typeof v;
}
