import { z } from 'zod';
import { POLE_DRIVER_IDS } from '../pole-display/driver';
import { DEVICE_PATH_PROBLEMS, devicePathProblem, showPath } from './device-path';

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

const P = DEVICE_SETTING_PROBLEMS;

/** A whole number from `min` to `max`, with one sentence for every way to miss. */
const wholeFrom = (min: number, max: number, error: string) => z.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/**
 * Only the platform-neutral syntax (absolute, no "." or "..", no NUL, bounded): this schema is parsed
 * in the renderer too, which does not know the platform. electron/devices/device-path.ts adds the
 * platform's allow-list and what the path resolves to, at save time and before every open.
 */
const devicePath = z
  .string()
  .trim()
  .superRefine((path, ctx) => {
    const problem = devicePathProblem(path);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: path === '' ? problem : `${problem}${GOT}${showPath(path)}` });
  });
const baudRate = z
  .union([z.literal(2400), z.literal(4800), z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)], {
    error: P.baudRate,
  })
  .default(9600);

/** Receipt printers run their serial line at 9600 or faster. */
const printerBaudRate = z
  .union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)], {
    error: P.printerBaudRate,
  })
  .default(9600);

/** How the receipt printer is reached; null for no printer (demo mode then prints to its virtual one). */
export const printerConnectionSettings = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('tcp'),
      host: z.string({ error: P.host }).trim().min(1, { error: P.host }).max(253, { error: P.hostTooLong }),
      port: wholeFrom(1, 65_535, P.port).default(9100),
    }),
    z.strictObject({ kind: z.literal('serial'), path: devicePath, baudRate: printerBaudRate }),
    z.strictObject({
      kind: z.literal('usb-lp'),
      path: devicePath.default('/dev/usb/lp0'),
    }),
  ],
  { error: P.kind },
);

export const printerSettings = z
  .strictObject({
    connection: printerConnectionSettings.nullable().default(null),
    /** 58 mm: 32 columns, 384 dots; 80 mm: 48 columns, 576 dots. */
    paper: z.enum(['58mm', '80mm'], { error: P.paper }).default('80mm'),
    /** native: the printer draws the QR (GS ( k); raster: the terminal draws it as an image, for printers without QR. */
    qr: z.enum(['native', 'raster'], { error: P.qr }).default('native'),
    /** When to print the QR slip by itself: never, only when no customer display is connected, or always. */
    autoPrintQrSlip: z.enum(['never', 'without_display', 'always'], { error: P.autoPrintQrSlip }).default('without_display'),
    autoPrintReceipt: z.boolean().default(true),
    /** Also print a slip when a payment fails, expires or is cancelled. */
    printFailedSlips: z.boolean().default(false),
    /** How long one attempt may take, and how many times a failed job is tried again. */
    jobTimeoutMs: wholeFrom(1000, 120_000, P.jobTimeout).default(15_000),
    retries: wholeFrom(0, 5, P.retries).default(2),
  })
  .prefault({});

export const poleDisplaySettings = z
  .strictObject({
    /** The serial port; null for no pole display. */
    port: z
      .strictObject({
        path: devicePath,
        baudRate,
        dataBits: z.union([z.literal(7), z.literal(8)], { error: P.dataBits }).default(8),
        parity: z.enum(['none', 'even', 'odd'], { error: P.parity }).default('none'),
        stopBits: z.union([z.literal(1), z.literal(2)], { error: P.stopBits }).default(1),
      })
      .nullable()
      .default(null),
    /** The command set the display speaks (see the table in docs/pole-display.md). */
    commandSet: z.enum(POLE_DRIVER_IDS, { error: P.commandSet }).default('epson'),
    brightness: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: P.brightness }).default(4),
    /** The two lines shown between sales; empty for the merchant's name. */
    welcome: z.array(z.string().max(40, { error: P.welcomeTooLong })).max(2, { error: P.welcomeLines }).default([]),
  })
  .prefault({});
