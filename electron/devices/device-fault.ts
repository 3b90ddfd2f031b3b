import type { PrintProblem } from '../../app/i18n/said/devices';

/**
 * A device's failure as a plain-language Error (its message is the English sentence, for logs and the
 * POS API) that also says what went wrong as data, so the cashier's screen can say it in its language.
 */
export class DeviceFault extends Error {
  constructor(
    message: string,
    readonly problem: PrintProblem,
  ) {
    super(message);
  }
}

/** What an error says as data, when a device wrote it so. */
export const problemOf = (error: unknown): PrintProblem | undefined => (error instanceof DeviceFault ? error.problem : undefined);
