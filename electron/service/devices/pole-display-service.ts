import type { Clock } from '../../../app/engine/clock';
import type { DeviceRefusal, DeviceReport } from '../../../app/ipc/devices';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { Settings } from '../../../app/settings/settings';
import { assertNever } from '../../../app/util/assert-never';
import { err, type Result } from '../../../app/util/result';
import { createPoleController } from '../../devices/pole-display/pole-controller';
import type { PoleDisplayStatus } from '../../devices/pole-display/pole-display-device';
import { startPoleDisplayFromSettings } from '../../devices/pole-display/pole-settings';
import type { PoleLinkOpener } from '../../devices/pole-display/serial-link';
import { NO_POLE_DISPLAY_REFUSAL, summarySaid } from './device-status';

export interface PoleDisplayService {
  /** The payment on the counter, or null between sales; call on every change. */
  show(payment: Payment | null): void;
  test(): Promise<Result<void, DeviceRefusal>>;
  close(): Promise<void>;
}

export interface PoleDisplayServiceOptions {
  readonly settings: Settings;
  readonly clock: Clock;
  readonly methodLabel: (method: MethodId) => string;
  readonly report: (report: DeviceReport) => void;
  /** How ports are opened; serialport unless a test says otherwise. */
  readonly open?: PoleLinkOpener;
}

export function poleReport(status: PoleDisplayStatus): DeviceReport {
  const { path } = status;
  switch (status.state) {
    case 'connecting':
      return { health: 'unknown', summary: 'Pole display: connecting', summarySaid: summarySaid({ summary: 'pole_connecting' }), detail: `${status.message}.`, said: { area: 'devices', kind: 'pole_connecting', path } };
    case 'connected':
      return { health: 'ok', summary: 'Pole display', summarySaid: summarySaid({ summary: 'pole' }), detail: `The pole display on ${path} is showing the sale.`, said: { area: 'devices', kind: 'pole_connected', path } };
    case 'disconnected':
      return {
        health: 'fault',
        summary: 'Pole display disconnected',
        summarySaid: summarySaid({ summary: 'pole_disconnected' }),
        detail: `${status.message} (${status.reason}). Check its cable and power; the terminal reconnects by itself, and payments go on meanwhile.`,
        said: { area: 'devices', kind: 'pole_disconnected', path, reason: status.reason },
      };
    case 'stopped':
      return { health: 'off', summary: 'Pole display stopped', summarySaid: summarySaid({ summary: 'pole_stopped' }), detail: `${status.message}.`, said: { area: 'devices', kind: 'pole_stopped', path } };
    default:
      return assertNever(status, 'pole display status');
  }
}

/** The pole display from settings, following the payment; a no-op (and "off" in the device bar) when none is set. */
export function startPoleDisplayService(options: PoleDisplayServiceOptions): PoleDisplayService {
  const pole = options.settings.poleDisplay;
  if (pole.port === null) {
    return {
      show: () => undefined,
      test: () => Promise.resolve(err(NO_POLE_DISPLAY_REFUSAL)),
      close: () => Promise.resolve(),
    };
  }
  const device = startPoleDisplayFromSettings(
    { ...pole.port, driver: pole.commandSet, brightness: pole.brightness },
    { clock: options.clock, onStatus: (status) => options.report(poleReport(status)), ...(options.open ? { open: options.open } : {}) },
  );
  const [first = '', second = ''] = pole.welcome;
  const welcome: readonly [string, string] = pole.welcome.length === 0 ? ['Welcome to', options.settings.merchant.name] : [first, second];
  const controller = createPoleController({ display: device, clock: options.clock, welcome, methodLabel: options.methodLabel });
  options.report(poleReport(device.status()));
  return {
    show: (payment) => controller.update(payment),
    test: async () => {
      const shown = await device.showTest();
      if (shown.ok) return shown;
      // The refusal is the display's state line ("Pole display disconnected: /dev/ttyUSB0"), said as such when it still is.
      const { state, path, message } = device.status();
      return err(message === shown.error ? { message, said: { area: 'devices', kind: 'pole_line', state, path } } : { message: shown.error });
    },
    close: async () => {
      controller.stop();
      await device.stop();
    },
  };
}
