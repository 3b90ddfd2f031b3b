import { z } from 'zod';

/** The demo provider's wire format, shared by its client (app/) and its simulator (electron/). */

export const demoPaymentSchema = z.object({
  object: z.literal('demo_payment'),
  id: z.string().min(1),
  reference: z.string(),
  amount_minor: z.number().int().positive(),
  currency: z.string().length(3),
  description: z.string(),
  /** Kept as a string: an unrecognised status must surface as "unknown", not fail parsing. */
  status: z.string(),
  failure_code: z.string().nullable(),
  qr_payload: z.string().min(1),
  created_at: z.iso.datetime({ offset: true }),
  expires_at: z.iso.datetime({ offset: true }),
  paid_at: z.iso.datetime({ offset: true }).nullable(),
});
export type DemoPayment = z.infer<typeof demoPaymentSchema>;

export const demoListSchema = z.object({ object: z.literal('list'), data: z.array(demoPaymentSchema) });

export const demoErrorSchema = z.object({ object: z.literal('error'), code: z.string(), message: z.string() });

export const demoCreateBodySchema = z.strictObject({
  reference: z.string().min(1).max(64),
  amount_minor: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  description: z.string().max(255),
  expires_at: z.iso.datetime(),
});

export { DEMO_FAILURES, isDemoFailureCode, type DemoFailureCode } from './demo-failures';
