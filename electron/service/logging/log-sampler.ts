import type { Clock } from '../../../app/engine/clock';

/** What a sampler reports: the first event from a source at once, then counts at most once per interval. */
export interface SampledReport {
  readonly source: string;
  readonly count: number;
  /** Seconds the count covers; 0 for the first event, reported as it happens. */
  readonly seconds: number;
  /** The detail of the latest event counted, e.g. why a request was refused. */
  readonly detail: string;
  readonly first: boolean;
}

export interface LogSampler {
  note(source: string, detail: string): void;
  /** Reports what is still counted and stops the timer. */
  close(): void;
}

interface Entry {
  reportedAt: number;
  count: number;
  detail: string;
}

/** Stands for every source past `maxSources`, so a spread-out flood is still counted in one line. */
export const OTHER_SOURCES = 'other addresses';

/**
 * Turns a stream of events (refused requests) into at most one log line per source per interval,
 * so a flood cannot fill the log. Memory is bounded: past `maxSources`, events are counted together.
 */
export function createLogSampler(options: {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly maxSources: number;
  readonly report: (report: SampledReport) => void;
}): LogSampler {
  const entries = new Map<string, Entry>();
  let cancelTimer: (() => void) | null = null;
  const flush = (final: boolean): void => {
    const now = options.clock.now();
    for (const [source, entry] of entries) {
      const elapsed = now - entry.reportedAt;
      if (entry.count > 0 && (final || elapsed >= options.intervalMs)) {
        options.report({ source, count: entry.count, seconds: Math.round(elapsed / 1000), detail: entry.detail, first: false });
        entry.count = 0;
        entry.reportedAt = now;
      } else if (entry.count === 0 && (final || elapsed >= options.intervalMs)) {
        entries.delete(source);
      }
    }
  };
  const tick = (): void => {
    cancelTimer = null;
    flush(false);
    // The timer runs only while something is counted, so an idle listener holds no timer.
    if (entries.size > 0) cancelTimer = options.clock.setTimer(tick, options.intervalMs);
  };
  return {
    note: (source, detail) => {
      const key = entries.has(source) || entries.size < options.maxSources ? source : OTHER_SOURCES;
      const entry = entries.get(key);
      if (entry !== undefined) {
        entry.count += 1;
        entry.detail = detail;
      } else {
        entries.set(key, { reportedAt: options.clock.now(), count: 0, detail });
        options.report({ source: key, count: 1, seconds: 0, detail, first: true });
      }
      cancelTimer ??= options.clock.setTimer(tick, options.intervalMs);
    },
    close: () => {
      cancelTimer?.();
      cancelTimer = null;
      flush(true);
      entries.clear();
    },
  };
}
