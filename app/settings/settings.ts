import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';

const isLocale = (tag: string): boolean => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
};

/**
 * Every setting the terminal has, with its default. The headless host reads the same shape from
 * `--config FILE`, so an unattended terminal needs no clicks. Unknown keys are errors, to catch typos.
 */
export const settingsSchema = z.strictObject({
  merchant: z
    .strictObject({
      name: z.string().trim().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }).default('Demo Shop'),
    })
    .prefault({}),
  currency: z
    .enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], { error: 'must be a supported ISO 4217 currency code, e.g. SGD' })
    .default('SGD'),
  locale: z.string().refine(isLocale, { error: 'must be a BCP 47 locale this system knows, e.g. en-SG' }).default('en-SG'),
  payment: z
    .strictObject({
      qrExpirySeconds: z
        .number()
        .int()
        .min(30, { error: 'must be at least 30 seconds' })
        .max(43_200, { error: 'must be at most 12 hours (43200 seconds)' })
        .default(600),
      pollIntervalMs: z.number().int().min(250, { error: 'must be at least 250 ms' }).max(10_000, { error: 'must be at most 10000 ms' }).default(1000),
      expiryGraceSeconds: z.number().int().min(0).max(300).default(10),
    })
    .prefault({}),
  web: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(5170),
    })
    .prefault({}),
  customerDisplay: z
    .strictObject({
      /** Electron's id of the monitor for the customer screen; null picks the first non-primary display. */
      displayId: z.number().int().nonnegative().nullable().default(null),
    })
    .prefault({}),
  demo: z
    .strictObject({
      /** Added to every simulated provider response, to feel a real network. */
      latencyMs: z.number().int().min(0).max(10_000).default(0),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** One line per problem, naming the setting: "payment.qrExpirySeconds must be at least 30 seconds". */
export function describeSettingsError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}unknown setting(s) ${issue.keys.join(', ')}`;
    }
    return `${issue.path.length > 0 ? issue.path.join('.') : 'settings'} ${issue.message}`;
  });
}
