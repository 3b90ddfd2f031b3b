import type { DeviceReport, PrintReport } from '../../../app/ipc/devices';
import type { Told } from '../shared/told';

/** A device's sentence for its tooltip and the Devices panel, as the terminal told it. */
export const detailTold = (report: DeviceReport): Told => ({ message: report.detail, said: report.said });

/** A device's few words for its chip, as the terminal told them. */
export const summaryTold = (report: DeviceReport): Told => ({ message: report.summary, said: report.summarySaid });

/** What was printed ("Receipt T20261207-0001"), as the terminal told it. */
export const printLabelTold = (print: PrintReport): Told => ({ message: print.label, said: print.labelSaid });

/** How the print went ("Printed", or why not), as the terminal told it. */
export const printMessageTold = (print: PrintReport): Told => ({ message: print.message, said: print.said });

/** A print's outcome in one line, in the cashier's words: "Receipt T…: Printed"; a failure's sentence names the slip itself. */
export const printLine = (print: PrintReport, say: (told: Told) => string): string =>
  print.outcome === 'failed' ? say(printMessageTold(print)) : `${say(printLabelTold(print))}: ${say(printMessageTold(print))}`;
