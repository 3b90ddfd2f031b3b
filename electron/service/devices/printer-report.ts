import type { DeviceReport } from '../../../app/ipc/devices';
import type { PrinterStatus } from '../../devices/printer/printer-status';

/** Which printer the sentences name: a real one by its address, or the demo's own virtual printer. */
export type PrinterNamed = { readonly kind: 'real'; readonly where: string } | { readonly kind: 'virtual' };

/** "the printer at 192.168.1.50:9100", or the demo's virtual printer, which the Devices panel lists as no printer set up. */
const nameOf = (printer: PrinterNamed): string => (printer.kind === 'real' ? `the printer at ${printer.where}` : "the demo's virtual printer");
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The ready sentence. The demo's virtual printer is used exactly when no printer is set up, so its
 * sentence says so: the Devices panel's "No printer" and this line must tell the same story.
 */
const readySentence = (printer: PrinterNamed): string =>
  printer.kind === 'real'
    ? `The printer at ${printer.where} is ready.`
    : "No receipt printer is set up, so the demo prints to its virtual printer: each slip shows on this screen. Choose a connection in Printer settings to print on paper.";

/** The printer in the device bar: from what it said about itself, or from how the last job went. */
export function printerReport(status: PrinterStatus, printer: PrinterNamed, lastFailure: string | null): DeviceReport {
  const name = nameOf(printer);
  if (!status.known) {
    // A write-only printer (USB lp) cannot say; a job that failed says more than silence.
    if (lastFailure !== null) return { health: 'fault', summary: 'Printer not printing', detail: `${lastFailure}. Check that ${name} is on and connected, then reprint.` };
    return { health: 'unknown', summary: 'Printer', detail: `${capital(name)} does not report its status (${status.reason}).` };
  }
  const first = status.messages[0] ?? 'Printer is ready';
  if (status.paperOut) return { health: 'fault', summary: 'Printer: out of paper', detail: `${first}. Load a new roll; payments go on meanwhile, and slips can be reprinted.` };
  if (status.coverOpen) return { health: 'fault', summary: 'Printer: cover open', detail: `${first}. Close the cover, then reprint.` };
  if (!status.online || status.error) return { health: 'fault', summary: 'Printer offline', detail: `${first}. Check ${name}.` };
  if (status.paperNearEnd) return { health: 'attention', summary: 'Printer: paper low', detail: `${first}. Have a new roll ready.` };
  if (lastFailure !== null) return { health: 'fault', summary: 'Printer not printing', detail: `${lastFailure}. Reprint once it is fixed.` };
  return { health: 'ok', summary: 'Printer', detail: readySentence(printer) };
}
