/**
 * The warning of a terminal with nobody listed; the cashier screen says it in the cashier's language.
 * Apart from staff-schemas.ts, whose zod schemas the cashier's page must not bundle to compare a sentence.
 */
export const UNPROTECTED_WARNING =
  'Nobody is listed, so anyone at this counter can refund, close the day and change the settings: add a manager with a PIN to protect them.';
