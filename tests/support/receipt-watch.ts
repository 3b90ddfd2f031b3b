import type { PrintedReceipt, VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';

/** Waits for the next printed receipt whose text holds `marker`, skipping every other slip. */
export function receiptWith(printer: VirtualPrinter, marker: string): Promise<PrintedReceipt> {
  return new Promise((resolve) => {
    const off = printer.onReceipt((r) => {
      if (!r.lines.join('\n').includes(marker)) return;
      off();
      resolve(r);
    });
  });
}
