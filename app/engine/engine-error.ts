import type { Said } from '../i18n/said';

export type EngineErrorCode = 'not_found' | 'invalid_state' | 'amount_rejected' | 'provider_error';

/** Why the engine refused or could not finish a command, in the cashier's words. */
export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  /** The same sentence for a screen to word in its own language (app/i18n/said.ts). */
  readonly said?: Said;
}
