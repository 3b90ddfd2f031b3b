import { z } from 'zod';
import { POLE_DRIVER_IDS } from '../pole-display/driver';
import { devicePathProblem, showPath } from './device-path';

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
    if (problem !== null) ctx.addIssue({ code: 'custom', message: path === '' ? problem : `${problem}, got ${showPath(path)}` });
  });
const baudRate = z
  .union([z.literal(2400), z.literal(4800), z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)], {
    error: 'must be one of 2400, 4800, 9600, 19200, 38400, 57600 or 115200',
  })
  .default(9600);

/** Receipt printers run their serial line at 9600 or faster. */
const printerBaudRate = z
  .union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)], {
    error: 'must be one of 9600, 19200, 38400, 57600 or 115200',
  })
  .default(9600);

/** How the receipt printer is reached; null for no printer (demo mode then prints to its virtual one). */
export const printerConnectionSettings = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('tcp'),
      host: z.string().trim().min(1, { error: "must be the printer's IP address or host name" }).max(253),
      port: z.number().int().min(1).max(65_535).default(9100),
    }),
    z.strictObject({ kind: z.literal('serial'), path: devicePath, baudRate: printerBaudRate }),
    z.strictObject({
      kind: z.literal('usb-lp'),
      path: devicePath.default('/dev/usb/lp0'),
    }),
  ],
  { error: 'must say kind: "tcp", "serial" or "usb-lp"' },
);

export const printerSettings = z
  .strictObject({
    connection: printerConnectionSettings.nullable().default(null),
    /** 58 mm: 32 columns, 384 dots; 80 mm: 48 columns, 576 dots. */
    paper: z.enum(['58mm', '80mm'], { error: 'must be "58mm" or "80mm"' }).default('80mm'),
    /** native: the printer draws the QR (GS ( k); raster: the terminal draws it as an image, for printers without QR. */
    qr: z.enum(['native', 'raster'], { error: 'must be "native" or "raster"' }).default('native'),
    /** When to print the QR slip by itself: never, only when no customer display is connected, or always. */
    autoPrintQrSlip: z.enum(['never', 'without_display', 'always'], { error: 'must be "never", "without_display" or "always"' }).default('without_display'),
    autoPrintReceipt: z.boolean().default(true),
    /** Also print a slip when a payment fails, expires or is cancelled. */
    printFailedSlips: z.boolean().default(false),
    /** How long one attempt may take, and how many times a failed job is tried again. */
    jobTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
    retries: z.number().int().min(0).max(5).default(2),
  })
  .prefault({});

export const poleDisplaySettings = z
  .strictObject({
    /** The serial port; null for no pole display. */
    port: z
      .strictObject({
        path: devicePath,
        baudRate,
        dataBits: z.union([z.literal(7), z.literal(8)], { error: 'must be 7 or 8' }).default(8),
        parity: z.enum(['none', 'even', 'odd'], { error: 'must be "none", "even" or "odd"' }).default('none'),
        stopBits: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' }).default(1),
      })
      .nullable()
      .default(null),
    /** The command set the display speaks (see the table in docs/pole-display.md). */
    commandSet: z.enum(POLE_DRIVER_IDS, { error: `must be one of ${POLE_DRIVER_IDS.join(', ')}` }).default('epson'),
    brightness: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'must be 1 to 4' }).default(4),
    /** The two lines shown between sales; empty for the merchant's name. */
    welcome: z.array(z.string().max(40)).max(2, { error: 'must be at most two lines' }).default([]),
  })
  .prefault({});
