export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** Registers a value that must never be written, e.g. a provider key. */
  redact(secret: string): void;
}

export type LogSink = (line: string) => void;

/**
 * One JSON line per entry. Every registered secret is replaced before the line leaves,
 * so a key that slips into a message or a field still never reaches a log.
 */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info'): Logger {
  const order: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const secrets = new Set<string>();
  return {
    redact: (secret) => {
      if (secret.length >= 4) secrets.add(secret);
    },
    log: (level, message, fields) => {
      if (order.indexOf(level) < order.indexOf(minLevel)) return;
      let line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
      for (const secret of secrets) line = line.split(secret).join('[redacted]');
      sink(line);
    },
  };
}
