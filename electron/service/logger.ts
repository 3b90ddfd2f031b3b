export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** Registers a value that must never be written, e.g. a provider key. */
  redact(secret: string): void;
  /** The text with every registered secret replaced, for other sinks such as the journal. */
  readonly scrub: (text: string) => string;
}

export type LogSink = (line: string) => void;

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
      sink(scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })));
    },
  };
}
