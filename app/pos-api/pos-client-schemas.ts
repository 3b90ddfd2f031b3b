import { z } from 'zod';
import { POS_SCOPES } from './checkout-schemas';

/*
 * The POS clients' keys as the cashier's settings screen manages them (issue 21): create (the key is
 * answered once), list (never the key), revoke. Arguments of the posKey* commands in the contract.
 */

export const MAX_POS_CLIENTS = 32;

export const posClientName = z
  .string({ error: 'must be a name for the till (a string)' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(40, { error: 'must be at most 40 characters' })
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: 'must not contain control characters' });

export const posScopes = z
  .array(z.enum(POS_SCOPES, { error: `must be scopes among ${POS_SCOPES.join(', ')}` }))
  .min(1, { error: 'must name at least one scope' })
  .max(POS_SCOPES.length)
  .refine((list) => new Set(list).size === list.length, { error: 'must not name the same scope twice' });

export const posClientId = z.string({ error: 'must be a POS client id' }).regex(/^pc_[A-Za-z0-9]{8,32}$/, { error: 'must be a POS client id (pc_…)' });

export const posKeySchemas = {
  listPosClients: z.strictObject({}),
  createPosClient: z.strictObject({ name: posClientName, scopes: posScopes }),
  revokePosClient: z.strictObject({ clientId: posClientId }),
} as const;

/** A POS client as the settings screen lists it: never its key, only the key's first characters to tell keys apart. */
export interface PosClientView {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly (typeof POS_SCOPES)[number][];
  /** The first characters of the key ("pos_AbC1…"), enough to recognise it, far too few to use it. */
  readonly keyHint: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
}

export interface PosKeyResults {
  readonly listPosClients: readonly PosClientView[];
  /** The key is in this answer and nowhere else, ever: it is stored only as a hash. */
  readonly createPosClient: { readonly client: PosClientView; readonly key: string };
  readonly revokePosClient: PosClientView;
}
