/*
 * Kept apart from device-settings.ts, which builds zod schemas: the cashier's page imports these
 * sentences, and a value import of the schemas' module would put zod in its bundle.
 */
import { POLE_DRIVER_IDS } from '../pole-display/driver';
import { DEVICE_PATH_PROBLEMS } from './device-path';

/**
 * What can be wrong with a device setting, as the check says it in English (the settings file, the POS
 * API, logs). The cashier's screen finds a field's problem here to say it in its own language, so a
 * problem added without words there shows in English and the words test names it.
 */
export const DEVICE_SETTING_PROBLEMS = {
  ...DEVICE_PATH_PROBLEMS,
  host: "must be the printer's IP address or host name",
  hostTooLong: 'must be at most 253 characters',
  port: 'must be a port number from 1 to 65535',
  baudRate: 'must be one of 2400, 4800, 9600, 19200, 38400, 57600 or 115200',
  printerBaudRate: 'must be one of 9600, 19200, 38400, 57600 or 115200',
  kind: 'must say kind: "tcp", "serial" or "usb-lp"',
  paper: 'must be "58mm" or "80mm"',
  qr: 'must be "native" or "raster"',
  autoPrintQrSlip: 'must be "never", "without_display" or "always"',
  jobTimeout: 'must be a whole number of milliseconds from 1000 to 120000',
  retries: 'must be a whole number from 0 to 5',
  dataBits: 'must be 7 or 8',
  parity: 'must be "none", "even" or "odd"',
  stopBits: 'must be 1 or 2',
  commandSet: `must be one of ${POLE_DRIVER_IDS.join(', ')}`,
  brightness: 'must be 1 to 4',
  welcomeLines: 'must be at most two lines',
  welcomeTooLong: 'must be at most 40 characters',
} as const;

export type DeviceSettingProblem = keyof typeof DEVICE_SETTING_PROBLEMS;

/** How a path's problem ends when it names what was typed ("…, got foo"). */
export const GOT = ', got ';
