import type { Clock } from '../../../app/engine/clock';
import type { PrintReport } from '../../../app/ipc/devices';
import type { MethodId, MethodInfo } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { Settings } from '../../../app/settings/settings';
import type { Result } from '../../../app/util/result';
import { devicePathPolicy, type DevicePathPolicy } from '../../devices/device-path';
import { checkDeviceSettingsPaths } from '../../devices/device-settings-paths';
import { serialLinkOpener, type PoleLinkOpener } from '../../devices/pole-display/serial-link';
import type { DeviceStatusBoard } from './device-status';
import type { PrintLedger } from '../journal/print-ledger';
import type { Logger } from '../logging/logger';
import { startPoleDisplayService, type PoleDisplayService } from './pole-display-service';
import { startPrinterService, type DemoPrinter, type PrinterService } from './printer-service';
import { refusedPoleDisplay, refusedPrinter } from './refused-devices';

/** The settings that belong to the devices on the counter, which can be changed while the terminal runs. */
export type DeviceSettings = Pick<Settings, 'printer' | 'poleDisplay'>;

export interface CounterDevicesOptions {
  readonly settings: Settings;
  /** Demo mode without a real printer: starts the virtual one (the demo wiring's); null when live. */
  readonly demoPrinter: ((dots: number) => Promise<DemoPrinter>) | null;
  readonly clock: Clock;
  readonly log: Logger;
  readonly board: DeviceStatusBoard;
  readonly ledger: PrintLedger;
  readonly method: (id: MethodId) => MethodInfo | undefined;
  readonly announcePrint: (print: PrintReport) => void;
  readonly counterCard?: () => Promise<Result<{ readonly payload: string; readonly alias: string }, string>>;
  readonly openSerial?: PoleLinkOpener;
}

export interface CounterDevices {
  readonly pole: () => PoleDisplayService;
  readonly printer: () => PrinterService;
  readonly settings: () => DeviceSettings;
  /** Which device paths this terminal accepts: the platform's, and pseudo-terminals if its settings file says so. */
  readonly pathPolicy: DevicePathPolicy;
  /** Stops the printer and pole display and starts them again from these settings; the sale goes on. */
  reconfigure(next: DeviceSettings, onCounter: Payment | null): Promise<void>;
  /** Resolves once the print queue and the pole display's writes are done (each bounded: a dead device cannot hold up a shutdown). */
  close(): Promise<void>;
}

/** The receipt printer and the pole display, started from settings and restartable with new ones. */
export async function startCounterDevices(options: CounterDevicesOptions): Promise<CounterDevices> {
  let settings = options.settings;
  // From the settings file only: the screen's saves change printer and poleDisplay, never this.
  const pathPolicy = devicePathPolicy(options.settings.devices.allowPseudoTerminals);
  const openSerial = options.openSerial ?? serialLinkOpener(pathPolicy);
  const start = async (): Promise<{ pole: PoleDisplayService; printer: PrinterService }> => {
    // A path the rule refuses is never opened: the device shows the sentence instead (the file or devices.json named it).
    const { refused } = await checkDeviceSettingsPaths(settings, pathPolicy);
    for (const [field, refusal] of Object.entries(refused)) options.log.log('warn', 'device path refused', { field, reason: refusal.message });
    const poleRefused = refused['poleDisplay.port.path'];
    const printerRefused = refused['printer.connection.path'];
    return {
      pole:
        poleRefused === undefined
          ? startPoleDisplayService({
              settings,
              clock: options.clock,
              methodLabel: (method) => options.method(method)?.poleLabel ?? options.method(method)?.label ?? method,
              report: (report) => options.board.setPoleDisplay(report),
              open: openSerial,
            })
          : refusedPoleDisplay(poleRefused, (report) => options.board.setPoleDisplay(report)),
      printer:
        printerRefused === undefined
          ? await startPrinterService({
              settings,
              demoPrinter: options.demoPrinter,
              clock: options.clock,
              log: options.log,
              ledger: options.ledger,
              method: options.method,
              customerDisplays: () => options.board.customerDisplays(),
              report: (report) => options.board.setPrinter(report),
              announce: options.announcePrint,
              ...(options.counterCard === undefined ? {} : { counterCard: options.counterCard }),
            })
          : refusedPrinter(printerRefused, (report) => options.board.setPrinter(report)),
    };
  };
  let current = await start();
  // Both at once, each within its own bound: the pole display finishes its last screen and the printer
  // its queue (and their outcomes reach the print ledger) before the caller closes the journal.
  const close = async (): Promise<void> => {
    await Promise.all([current.pole.close(), current.printer.close()]);
  };
  return {
    pole: () => current.pole,
    printer: () => current.printer,
    settings: () => ({ printer: settings.printer, poleDisplay: settings.poleDisplay }),
    pathPolicy,
    reconfigure: async (next, onCounter) => {
      await close();
      settings = { ...settings, ...next };
      current = await start();
      current.pole.show(onCounter);
      options.log.log('info', 'devices reconfigured', { printer: next.printer.connection?.kind ?? 'none', poleDisplay: next.poleDisplay.port?.path ?? 'none' });
    },
    close,
  };
}
