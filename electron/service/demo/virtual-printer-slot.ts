import { VirtualPrinter } from '../../simulators/printer/virtual-printer';
import type { DemoPrinter } from '../devices/printer-service';

export interface VirtualPrinterSlot {
  /** Starts a virtual printer on loopback for the printer service (demo mode without a real printer). */
  readonly start: (dots: number) => Promise<DemoPrinter>;
  /** The one in use, for tests and the receipt picture; null with a real printer or none. */
  current(): VirtualPrinter | null;
}

/** The demo wiring's printer: the printer service is given it, and never knows it is a simulator. */
export function virtualPrinterSlot(): VirtualPrinterSlot {
  let current: VirtualPrinter | null = null;
  return {
    start: async (dots) => {
      const printer = new VirtualPrinter({ dots });
      const port = await printer.listen(0, '127.0.0.1');
      current = printer;
      return {
        port,
        onReceipt: (listener) => printer.onReceipt(listener),
        close: async () => {
          if (current === printer) current = null;
          await printer.close();
        },
      };
    },
    current: () => current,
  };
}
