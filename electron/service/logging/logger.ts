export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** Registers a value that must never be written, e.g. a provider key. */
  redact(secret: string): void;
  /** The text with every registered secret replaced, for other sinks such as the journal. */
  readonly scrub: (text: string) => string;
}

export type LogSink = (line: string) => void;

/** One entry never takes more than this, so a huge field (a provider's reply, a body) cannot flood the log. */
export const MAX_LOG_LINE_BYTES = 8 * 1024;
const MAX_STRING_CHARS = 1024;

/** Every string in the value cut to `MAX_STRING_CHARS`, with a marker saying how long it was. */
function clipStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length <= MAX_STRING_CHARS ? value : `${value.slice(0, MAX_STRING_CHARS)}…[cut: ${String(value.length)} chars]`;
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => clipStrings(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clipStrings(item, depth + 1)]));
}

/**
 * A line over the cap, made to fit and still be one JSON object: long strings are cut first, and if
 * that is not enough only the message and the field names are kept. It works on the already scrubbed
 * line, so a cut can never leave part of a secret behind.
 */
function fitLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return JSON.stringify({ message: 'A log entry was too long to write', truncated: Buffer.byteLength(line) });
  }
  const clipped = JSON.stringify({ ...(clipStrings(entry, 0) as Record<string, unknown>), truncated: Buffer.byteLength(line) });
  if (Buffer.byteLength(clipped) <= MAX_LOG_LINE_BYTES) return clipped;
  const { time, level, message, ...fields } = entry;
  const short = (value: unknown, chars: number): string => String(value).slice(0, chars);
  return JSON.stringify({
    time: short(time, 40),
    level: short(level, 10),
    message: short(message, 512),
    truncated: Buffer.byteLength(line),
    fields: Object.keys(fields)
      .slice(0, 10)
      .map((name) => short(name, 32)),
  });
}

/**
 * One JSON line per entry. Every registered secret is replaced before the line leaves,
 * so a key that slips into a message or a field still never reaches a log.
 */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info'): Logger {
  const order: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const secrets = new Set<string>();
  const scrub = (text: string): string => {
    let clean = text;
    for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
    return clean;
  };
  return {
    redact: (secret) => {
      if (secret.length >= 4) secrets.add(secret);
    },
    scrub,
    log: (level, message, fields) => {
      if (order.indexOf(level) < order.indexOf(minLevel)) return;
      const line = scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
      sink(Buffer.byteLength(line) <= MAX_LOG_LINE_BYTES ? line : fitLine(line));
    },
  };
}
