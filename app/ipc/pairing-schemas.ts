import { z } from 'zod';
import { says } from '../settings/field-problem';
import { PAIRING_CODE_DIGITS } from './pairing-constants';

/**
 * The cashier's side of display pairing (spread into `commandSchemas`): the paired displays, approving
 * the code a display shows, and revoking one. Only the cashier role may send these (the display role
 * runs READ_ONLY_COMMANDS only); approving and revoking need a manager where staff are listed.
 */

const code = z
  .string({ error: 'must be the code shown on the display (digits)' })
  // People read codes in groups ("123 456"): spaces and dashes are not part of it.
  .transform((text) => text.replace(/[\s-]/g, ''))
  .pipe(
    z.string().regex(new RegExp(`^\\d{${String(PAIRING_CODE_DIGITS)}}$`), {
      error: says(`must be the ${String(PAIRING_CODE_DIGITS)}-digit code shown on the display`, { area: 'devices', kind: 'pairing_code_shape', digits: PAIRING_CODE_DIGITS }),
    }),
  );

/** What the shop calls the display ("Counter tablet"); shown in the Devices panel only. */
export const displayName = z
  .string({ error: 'must be a name for the display' })
  .trim()
  .min(1, { error: says('must not be empty: name the display, e.g. "Counter tablet"', { area: 'devices', kind: 'display_name_empty' }) })
  .max(40, { error: says('must be at most 40 characters', { area: 'settings', kind: 'field_too_long', max: 40, hint: 'none' }) })
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, { error: says('may not hold control or formatting characters', { area: 'devices', kind: 'display_name_control' }) });

export const displayId = z.string({ error: 'must be a display id' }).regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'must be a display id' });

export const pairingSchemas = {
  listDisplays: z.strictObject({}),
  approveDisplay: z.strictObject({ code, name: displayName }),
  revokeDisplay: z.strictObject({ id: displayId }),
} as const;

/** A paired display as the Devices panel lists it; its token never leaves the host (only a hash is kept). */
export interface PairedDisplay {
  readonly id: string;
  readonly name: string;
  readonly pairedAt: number;
  /** When it last connected (epoch ms), or null if it never has since pairing. */
  readonly lastSeenAt: number | null;
  /** Whether it is connected now. */
  readonly connected: boolean;
}

export interface PairedDisplays {
  readonly displays: readonly PairedDisplay[];
  /** False where displays cannot pair (Electron, whose display is its own window). */
  readonly canPair: boolean;
  /** True when pairings are kept in the data folder and survive a restart; false in memory mode. */
  readonly kept: boolean;
}

export interface PairingResults {
  readonly listDisplays: PairedDisplays;
  readonly approveDisplay: PairedDisplays;
  readonly revokeDisplay: PairedDisplays;
}
