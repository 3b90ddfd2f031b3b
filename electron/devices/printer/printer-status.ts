/** What the printer said about itself, or that it could not say: never a made-up "ok". */
export type PrinterStatus =
  | { readonly known: false; readonly reason: string }
  | {
      readonly known: true;
      readonly online: boolean;
      readonly coverOpen: boolean;
      readonly paperOut: boolean;
      readonly paperNearEnd: boolean;
      readonly error: boolean;
      /** Whether a job can print now; paper near end still prints. */
      readonly ready: boolean;
      /** Plain language for the device bar, most important first; empty when all is well. */
      readonly messages: readonly string[];
    };

export const unknownStatus = (reason: string): PrinterStatus => ({ known: false, reason });

/** One line for the cashier. */
export function describeStatus(status: PrinterStatus): string {
  if (!status.known) return `Printer status unknown: ${status.reason}`;
  return status.messages[0] ?? 'Printer is ready';
}

export function sameStatus(a: PrinterStatus | null, b: PrinterStatus): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
