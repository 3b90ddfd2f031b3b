import type { Said } from '../../../app/i18n/said';

/**
 * Something the terminal told the cashier: its English sentence, and, where the service gave it,
 * the same sentence as a `Said` to word in the cashier's language. An `ApiError` is one; so is a
 * failure or a device's report that carries `said`.
 */
export interface Told {
  readonly message: string;
  readonly said?: Said | undefined;
}
