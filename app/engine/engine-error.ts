export type EngineErrorCode = 'not_found' | 'invalid_state' | 'amount_rejected' | 'provider_error';

/** Why the engine refused or could not finish a command, in the cashier's words. */
export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
}
