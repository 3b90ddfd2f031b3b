import type { Clock } from '../../../app/engine/clock';
import { createLogSampler, type LogSampler, type SampledReport } from '../logging/log-sampler';
import type { Logger, LogLevel } from '../logging/logger';
import type { WebhookLimits } from './webhook-limits';

/** The listener's refusals, each kind counted per source so a flood of them is a few lines, not one each. */
export interface WebhookRefusalLog {
  readonly rateLimited: LogSampler;
  readonly refused: LogSampler;
  /** Hints naming a payment this terminal does not follow. */
  readonly unknown: LogSampler;
  /** Reports what is still counted and stops the timers. */
  close(): void;
}

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

export function createWebhookRefusalLog(clock: Clock, limits: WebhookLimits, log: Logger): WebhookRefusalLog {
  const sampler = (
    level: LogLevel,
    describe: (report: SampledReport) => string,
    fields: (report: SampledReport) => Readonly<Record<string, unknown>> = (r) => ({ detail: r.detail }),
  ) =>
    createLogSampler({
      clock,
      intervalMs: limits.logIntervalMs,
      maxSources: limits.maxSources,
      report: (report) => log.log(level, describe(report), { source: report.source, count: report.count, seconds: report.seconds, ...fields(report) }),
    });
  const rateLimited = sampler('warn', (r) =>
    r.first
      ? `Webhooks from ${r.source} are refused by the rate limit (over ${String(limits.ratePerSecond)} a second); a count follows while it lasts`
      : `${plural(r.count, 'webhook')} from ${r.source} refused by the rate limit in the last ${String(r.seconds)} s`,
  );
  const refused = sampler('warn', (r) =>
    r.first ? `A webhook request from ${r.source} was refused: ${r.detail}` : `${plural(r.count, 'more webhook request')} from ${r.source} refused in the last ${String(r.seconds)} s (latest: ${r.detail})`,
  );
  // A late webhook for a payment already settled is normal; many from one address are forged.
  const unknown = sampler(
    'info',
    (r) =>
      r.first
        ? `A webhook from ${r.source} names a payment this terminal does not follow`
        : `${plural(r.count, 'more webhook')} from ${r.source} named payments this terminal does not follow, in the last ${String(r.seconds)} s`,
    (r) => (r.first ? { providerRef: r.detail, known: false } : { latestProviderRef: r.detail, known: false }),
  );
  return {
    rateLimited,
    refused,
    unknown,
    close: () => {
      for (const s of [rateLimited, refused, unknown]) s.close();
    },
  };
}
