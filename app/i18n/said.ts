import type { DeviceSaid } from './said/devices';
import type { PaymentSaid } from './said/payment';
import type { RecordsSaid } from './said/records';
import type { RefundSaid } from './said/refund';
import type { SaleSaid } from './said/sale';
import type { SettingsSaid } from './said/settings';
import type { StaffSaid } from './said/staff';

/**
 * A sentence the terminal's service says to a person, as what it says (`area` and `kind`) and the
 * values in it, so each screen words it in its own language: a Malay cashier reads the provider's
 * minimum in Malay. The English sentence always travels beside it (an error's `message`, a failure's
 * `message`) for the log, the journal, the POS API and tests; a `Said` never replaces it.
 *
 * Values are plain data (amounts as Money, methods as ids, times as epoch ms) so each screen formats
 * them in the shop's locale. Each area's kinds are in `said/<area>.ts`; the cashier's catalog has one
 * wording per kind and language (renderer/cashier/words/said.ts), so a kind without words fails the build.
 */
export type Said = SaleSaid | RefundSaid | DeviceSaid | SettingsSaid | StaffSaid | RecordsSaid | PaymentSaid;

export type SaidArea = Said['area'];
