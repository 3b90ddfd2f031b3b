import type { PrinterCondition, StatusUnknown } from '../../../app/i18n/said/devices';

/** What the printer said about itself, or that it could not say: never a made-up "ok". */
export type PrinterStatus =
  | { readonly known: false; readonly reason: string; readonly unknown: StatusUnknown }
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
      /** The same as `messages`, as what each says. */
      readonly conditions: readonly PrinterCondition[];
    };

/** `unknown` says why as data; without it, `reason` is the printer's (or the system's) own words. */
export const unknownStatus = (reason: string, unknown: StatusUnknown = { why: 'no_answer', reason }): PrinterStatus => ({ known: false, reason, unknown });

/** Each condition as the device bar's English says it. */
export const CONDITION_MESSAGES: Readonly<Record<PrinterCondition, string>> = {
  out_of_paper: 'Printer is out of paper',
  cover_open: 'Printer cover is open',
  cutter_jammed: 'Printer cutter is jammed',
  fault: 'Printer has a fault: switch it off and on',
  cooling: 'Printer is cooling down (head too hot)',
  error: 'Printer reports an error',
  offline: 'Printer is offline',
  paper_low: 'Printer paper is running low',
};

/** One line for the cashier. */
export function describeStatus(status: PrinterStatus): string {
  if (!status.known) return `Printer status unknown: ${status.reason}`;
  return status.messages[0] ?? 'Printer is ready';
}

export function sameStatus(a: PrinterStatus | null, b: PrinterStatus): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
