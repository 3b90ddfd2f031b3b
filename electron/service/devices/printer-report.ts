import type { DeviceReport } from '../../../app/ipc/devices';
import type { PrinterStatus } from '../../devices/printer/printer-status';

/** The printer in the device bar: from what it said about itself, or from how the last job went. */
export function printerReport(status: PrinterStatus, where: string, lastFailure: string | null): DeviceReport {
  if (!status.known) {
    // A write-only printer (USB lp) cannot say; a job that failed says more than silence.
    if (lastFailure !== null) return { health: 'fault', summary: 'Printer not printing', detail: `${lastFailure}. Check that the printer at ${where} is on and connected, then reprint.` };
    return { health: 'unknown', summary: 'Printer', detail: `The printer at ${where} does not report its status (${status.reason}).` };
  }
  const first = status.messages[0] ?? 'Printer is ready';
  if (status.paperOut) return { health: 'fault', summary: 'Printer: out of paper', detail: `${first}. Load a new roll; payments go on meanwhile, and slips can be reprinted.` };
  if (status.coverOpen) return { health: 'fault', summary: 'Printer: cover open', detail: `${first}. Close the cover, then reprint.` };
  if (!status.online || status.error) return { health: 'fault', summary: 'Printer offline', detail: `${first}. Check the printer at ${where}.` };
  if (status.paperNearEnd) return { health: 'attention', summary: 'Printer: paper low', detail: `${first}. Have a new roll ready.` };
  if (lastFailure !== null) return { health: 'fault', summary: 'Printer not printing', detail: `${lastFailure}. Reprint once it is fixed.` };
  return { health: 'ok', summary: 'Printer', detail: `The printer at ${where} is ready.` };
}
