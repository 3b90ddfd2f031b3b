const REDACTED = '[redacted]';

/** Field names whose values are credentials whatever they hold; idempotency keys are not secrets. */
const SECRET_FIELD = /secret|password|passwd|api[-_]?key|authori[sz]ation|bearer|token|credential|private[-_]?key/i;

/**
 * Credential shapes that are caught even when nobody registered the value: Opn secret keys, and
 * HTTP auth headers as a provider reply or an error text might echo them.
 */
const SECRET_SHAPES: readonly RegExp[] = [
  /\bskey_(?:test_)?[A-Za-z0-9]{6,}/g,
  /\b(?:Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g,
];

/** Summaries are short by design; a longer one is cut rather than filling the journal with a whole reply. */
const MAX_SUMMARY_CHARS = 16_000;

export interface Redactor {
  add(secret: string): void;
  /** The summary as JSON text that is safe to write, still a JSON object. */
  summaryJson(summary: Readonly<Record<string, unknown>>): string;
}

export function createRedactor(initial: readonly string[], extra?: (text: string) => string): Redactor {
  const secrets = new Set<string>();
  const add = (secret: string): void => {
    // Very short values would blank out ordinary words; keys are never that short.
    if (secret.length >= 4) secrets.add(secret);
  };
  initial.forEach(add);

  const redactText = (text: string): string => {
    let out = text;
    for (const secret of secrets) {
      // In JSON text a secret with quotes or backslashes appears escaped, so look for both spellings.
      out = out.split(secret).join(REDACTED);
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret) out = out.split(escaped).join(REDACTED);
    }
    for (const shape of SECRET_SHAPES) out = out.replace(shape, REDACTED);
    return extra === undefined ? out : extra(out);
  };

  return {
    add,
    summaryJson: (summary) => {
      let text: string;
      try {
        text = JSON.stringify(summary, (key, value: unknown) => (key !== '' && SECRET_FIELD.test(key) ? REDACTED : value));
      } catch (error) {
        throw new TypeError(`An event summary must be plain JSON data: ${error instanceof Error ? error.message : String(error)}`);
      }
      const safe = redactText(text);
      if (safe.length > MAX_SUMMARY_CHARS) {
        return JSON.stringify({ truncated: true, head: safe.slice(0, MAX_SUMMARY_CHARS / 4) });
      }
      return isJsonObject(safe) ? safe : JSON.stringify({ withheld: 'the summary could not be redacted safely' });
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
