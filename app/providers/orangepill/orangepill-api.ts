import { z } from 'zod';

/** Orangepill Apps.Payment wire format (version 1.0), shared by its client (app/) and its simulator (electron/). */

export { isOrangepillStatus, type OrangepillStatus } from './orangepill-statuses';

/** A JSON number or decimal text; Orangepill writes request amounts as numbers and transaction amounts as text. */
const decimalValue = z.union([z.number(), z.string()]);

const orangepillLogEntrySchema = z.looseObject({
  status: z.string(),
  created_at: z.number().optional(),
});
export type OrangepillLogEntry = z.infer<typeof orangepillLogEntrySchema>;

/**
 * A related object, as the doc shows it: `{type, value, created_at}`, a reference to a transaction (or
 * to an Apps.Payment entity). It says nothing about amounts, so nothing is read from it about money.
 */
const orangepillRelatedSchema = z.looseObject({
  type: z.string(),
  value: z.string(),
  created_at: z.number().optional(),
});
export type OrangepillRelated = z.infer<typeof orangepillRelatedSchema>;

/** `data` holds the documented fields plus any custom ones ("use data object to add custom fields"). */
const orangepillDataSchema = z.looseObject({
  order: z.string().optional(),
  store: z.string().optional(),
  merchant: z.string().optional(),
  system: z.string().optional(),
  callback: z.string().optional(),
  invoice: z.string().optional(),
  cart: z.string().optional(),
  /** Custom field of ours: when the terminal stops accepting payment (epoch ms), for reconciliation. */
  expires_at: z.number().optional(),
});

export const orangepillRequestSchema = z.looseObject({
  id: z.string().min(1),
  version: z.string().optional(),
  destination: z.looseObject({ alias: z.string() }),
  source: z.looseObject({ alias: z.string() }).optional(),
  /** Absent on a static request. */
  amount: decimalValue.optional(),
  asset: z.string().optional(),
  description: z.string().optional(),
  data: orangepillDataSchema.optional(),
  tags: z.array(z.string()).optional(),
  /** Kept as a string: an unrecognised status must surface as "unknown", not fail parsing. */
  status: z.string(),
  owner: z.string().optional(),
  created_at: z.number().optional(),
  /** Null, a sentence, or an object with a message; read leniently, it only explains a failure. */
  error: z.unknown().optional(),
  log: z.array(orangepillLogEntrySchema).optional(),
  related: z.array(orangepillRelatedSchema).optional(),
});
export type OrangepillRequest = z.infer<typeof orangepillRequestSchema>;

export const orangepillListSchema = z.array(orangepillRequestSchema);

/** DELETE answers with the id, reveal with the code: both a bare JSON string. */
export const orangepillCodeSchema = z.string().min(1);

const alias = z.string().regex(/^@[A-Za-z0-9_.-]{1,64}$/);

/** A create body as the simulator accepts it: the documented version-1.0 fields, custom `data` allowed. */
export const orangepillCreateBodySchema = z.strictObject({
  version: z.literal('1.0'),
  destination: z.strictObject({ alias }),
  source: z.strictObject({ alias }).optional(),
  amount: z.number().positive().optional(),
  asset: z.string().regex(/^[A-Z]{3}$/).optional(),
  description: z.string().max(255).optional(),
  data: z
    .looseObject({
      order: z.string().min(1).max(64).optional(),
      store: z.string().max(80).optional(),
      merchant: z.string().max(80).optional(),
      system: z.string().max(80).optional(),
      callback: z.url({ protocol: /^https?$/ }).optional(),
      invoice: z.string().max(64).optional(),
      cart: z.string().max(64).optional(),
    })
    .optional(),
  tags: z.array(z.string().min(1).max(40)).max(10).optional(),
});
export type OrangepillCreateBody = z.infer<typeof orangepillCreateBodySchema>;

/** A callback names the request that changed, and nothing else worth trusting. */
const callbackSchema = z.looseObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * The id from an Orangepill callback body (`{ "id": "…" }`), or null. The caller re-fetches the
 * request: a callback is only a hint to look sooner, never a status.
 */
export function parseOrangepillCallback(body: unknown): string | null {
  const parsed = callbackSchema.safeParse(body);
  return parsed.success ? parsed.data.id : null;
}
