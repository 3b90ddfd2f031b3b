import { join } from 'node:path';
import { z } from 'zod';
import { staffId, staffName, staffRole, type StaffMember } from '../../../app/staff/staff';
import { err, ok, type Result } from '../../../app/util/result';
import type { SavedFileReadSaid } from '../../../app/i18n/said/settings';
import type { StaffSaid } from '../../../app/i18n/said/staff';
import { readSavedFile, writePrivateFile } from '../files/private-file';
import { pinHashSchema, type PinHash } from './pin-hash';

/** The staff list beside the journal: 0600, written whole; PINs only as hashes. */
export const STAFF_FILE = 'staff.json';

/** When a refund needs a manager: always, above an amount in the shop's currency, or never. */
export const refundApprovalSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('all') }),
    z.strictObject({ mode: z.literal('over'), thresholdMinor: z.number().int().nonnegative() }),
    z.strictObject({ mode: z.literal('none') }),
  ],
  { error: 'must say mode: "all", "over" (with thresholdMinor) or "none"' },
);
export type RefundApproval = z.infer<typeof refundApprovalSchema>;

export interface StoredStaffMember extends StaffMember {
  readonly pin: PinHash;
}

export interface StaffFile {
  readonly staff: readonly StoredStaffMember[];
  readonly refundApproval: RefundApproval;
}

export const EMPTY_STAFF: StaffFile = { staff: [], refundApproval: { mode: 'all' } };

const fileSchema = z.strictObject({
  version: z.literal(1),
  staff: z.array(z.strictObject({ id: staffId, name: staffName, role: staffRole, pin: pinHashSchema })).max(100),
  refundApproval: refundApprovalSchema,
});

export const staffPath = (dataDir: string): string => join(dataDir, STAFF_FILE);

/** Why the staff file cannot be used: in English, and as a `Said` where the service words it (a damaged file). */
export interface StaffFileProblem {
  readonly message: string;
  readonly said?: StaffSaid | SavedFileReadSaid;
}

const damaged = (file: string, problem: 'not_json' | 'unexpected'): StaffFileProblem => ({
  message: `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}): the staff list cannot be read, so refunds, closing the day and settings are refused until it is restored from a backup (or deleted, to start again without staff).`,
  said: { area: 'staff', kind: 'staff_file_damaged', file, problem },
});

/** The staff file, or the empty list when there is none; a damaged file is an error, never "no staff". */
export function loadStaff(file: string): Result<StaffFile, StaffFileProblem> {
  const read = readSavedFile(file);
  if (!read.ok) return read;
  if (read.value === null) return ok(EMPTY_STAFF);
  let json: unknown;
  try {
    json = JSON.parse(read.value.toString('utf8'));
  } catch {
    return err(damaged(file, 'not_json'));
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return err(damaged(file, 'unexpected'));
  return ok({ staff: parsed.data.staff, refundApproval: parsed.data.refundApproval });
}

/** Written whole (as writeJsonFile does); a failure names the file and the system's reason. */
export function saveStaff(file: string, staff: StaffFile): Result<void, Required<StaffFileProblem>> {
  try {
    writePrivateFile(file, `${JSON.stringify({ version: 1, ...staff }, null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err({ message: `The staff list could not be saved in ${file}: ${reason}`, said: { area: 'staff', kind: 'staff_not_written', file, reason } });
  }
}
