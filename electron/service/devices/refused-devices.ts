import type { DeviceReport } from '../../../app/ipc/devices';
import { choosingAnother, type DevicePathRefusal } from '../../../app/settings/device-path';
import { summarySaid } from './device-status';
import { err } from '../../../app/util/result';
import type { PoleDisplayService } from './pole-display-service';
import type { PrinterService } from './printer-service';

/**
 * Stand-ins for a printer or pole display whose path the settings file or devices.json names but the
 * device path rule refuses: nothing is opened, the device bar shows the sentence as a fault, and every
 * request answers with it. Saving a good path from the Devices panel restarts the real one.
 */
export function refusedPrinter(refusal: DevicePathRefusal, report: (report: DeviceReport) => void): PrinterService {
  // The path rule's sentence names the path and what is allowed; the bar's line then says where to choose another.
  const bar = choosingAnother(refusal);
  report({ health: 'fault', summary: 'Printer path refused', summarySaid: summarySaid({ summary: 'printer_path_refused' }), detail: bar.message, said: bar.said });
  const refuse = () => Promise.resolve(err({ message: refusal.message, said: refusal.said }));
  return {
    lastPrint: () => null,
    follow: () => undefined,
    resume: () => undefined,
    printSlip: refuse,
    printTest: refuse,
    printDayReport: refuse,
    close: () => Promise.resolve(),
  };
}

export function refusedPoleDisplay(refusal: DevicePathRefusal, report: (report: DeviceReport) => void): PoleDisplayService {
  const bar = choosingAnother(refusal);
  report({ health: 'fault', summary: 'Pole display port refused', summarySaid: summarySaid({ summary: 'pole_port_refused' }), detail: bar.message, said: bar.said });
  return { show: () => undefined, test: () => Promise.resolve(err({ message: refusal.message, said: refusal.said })), close: () => Promise.resolve() };
}
