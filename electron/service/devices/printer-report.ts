import type { DeviceSummary, NamedPrinter, PrintedPage, PrintProblem } from '../../../app/i18n/said/devices';
import type { DeviceReport } from '../../../app/ipc/devices';
import type { PrinterStatus } from '../../devices/printer/printer-status';

/** Which printer the sentences name: a real one by its address, or the demo's own virtual printer. */
export type PrinterNamed = NamedPrinter;

/** The last job that did not print: its sentence, and what it says where the printer said why. */
export interface LastFailure {
  readonly message: string;
  readonly said: { readonly printed: PrintedPage; readonly problem: PrintProblem } | null;
}

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

const summarySaid = (said: DeviceSummary) => ({ area: 'devices', kind: 'summary', said }) as const;

/** The last failure's report: `quiet` when the printer cannot say how it is, so it may be off or unplugged. */
function failedReport(failure: LastFailure, printer: PrinterNamed, quiet: boolean): DeviceReport {
  const detail = quiet ? `${failure.message}. Check that ${nameOf(printer)} is on and connected, then reprint.` : `${failure.message}. Reprint once it is fixed.`;
  const said = failure.said === null ? {} : { said: { area: 'devices', kind: 'printer_job_failed', printer, ...failure.said, quiet } as const };
  return { health: 'fault', summary: 'Printer not printing', summarySaid: summarySaid({ summary: 'printer_not_printing' }), detail, ...said };
}

/** What the printer says about itself, when that needs a person; null when it is fine. */
function stateReport(status: Extract<PrinterStatus, { known: true }>, printer: PrinterNamed): DeviceReport | null {
  const first = status.messages[0] ?? 'Printer is ready';
  const condition = status.conditions[0];
  const said = condition === undefined ? {} : { said: { area: 'devices', kind: 'printer_state', printer, condition } as const };
  if (status.paperOut) {
    const summary = summarySaid({ summary: 'printer_state', condition: 'out_of_paper' });
    return { health: 'fault', summary: 'Printer: out of paper', summarySaid: summary, detail: `${first}. Load a new roll; payments go on meanwhile, and slips can be reprinted.`, ...said };
  }
  if (status.coverOpen) {
    return { health: 'fault', summary: 'Printer: cover open', summarySaid: summarySaid({ summary: 'printer_state', condition: 'cover_open' }), detail: `${first}. Close the cover, then reprint.`, ...said };
  }
  if (!status.online || status.error) {
    return { health: 'fault', summary: 'Printer offline', summarySaid: summarySaid({ summary: 'printer_offline' }), detail: `${first}. Check ${nameOf(printer)}.`, ...said };
  }
  if (status.paperNearEnd) {
    return { health: 'attention', summary: 'Printer: paper low', summarySaid: summarySaid({ summary: 'printer_state', condition: 'paper_low' }), detail: `${first}. Have a new roll ready.`, ...said };
  }
  return null;
}

/** The printer in the device bar: from what it said about itself, or from how the last job went. */
export function printerReport(status: PrinterStatus, printer: PrinterNamed, lastFailure: LastFailure | null): DeviceReport {
  const name = nameOf(printer);
  const printerSummary = summarySaid({ summary: 'printer' });
  if (!status.known) {
    // A write-only printer (USB lp) cannot say; a job that failed says more than silence.
    if (lastFailure !== null) return failedReport(lastFailure, printer, true);
    return {
      health: 'unknown',
      summary: 'Printer',
      summarySaid: printerSummary,
      detail: `${capital(name)} does not report its status (${status.reason}).`,
      said: { area: 'devices', kind: 'printer_no_status', printer, unknown: status.unknown },
    };
  }
  const state = stateReport(status, printer);
  if (state !== null) return state;
  if (lastFailure !== null) return failedReport(lastFailure, printer, false);
  return { health: 'ok', summary: 'Printer', summarySaid: printerSummary, detail: readySentence(printer), said: { area: 'devices', kind: 'printer_ready', printer } };
}
