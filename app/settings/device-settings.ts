import { z } from 'zod';
import { POLE_DRIVER_IDS } from '../pole-display/driver';
import { devicePathProblem, showPath } from './device-path';
import { DEVICE_SETTING_PROBLEMS, GOT } from './device-setting-problems';

const P = DEVICE_SETTING_PROBLEMS;

/** A whole number from `min` to `max`, with one sentence for every way to miss. */
const wholeFrom = (min: number, max: number, error: string) => z.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/**
 * Only the platform-neutral syntax (absolute, no "." or "..", no NUL, bounded), as app/ knows no
 * platform. electron/devices/device-path.ts adds the platform's allow-list and what the path resolves
 * to, at save time and before every open.
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
