import { z } from 'zod';
import { assertNever } from '../../../app/util/assert-never';
import { err, ok, type Result } from '../../../app/util/result';
import { SerialTransport } from './serial-transport';
import { DEFAULT_RAW_PORT, TcpTransport } from './tcp-transport';
import type { PrinterTransport } from './transport';
import { DEFAULT_USB_LP_PATH, UsbLpTransport } from './usb-lp-transport';

/** How settings describe the printer connection; defaults match the common case for each kind. */
export const printerConnectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    host: z.string().trim().min(1, 'enter the printer\'s IP address or host name'),
    port: z.number().int().min(1).max(65535).default(DEFAULT_RAW_PORT),
  }),
  z.object({
    kind: z.literal('serial'),
    path: z.string().trim().min(1, 'enter the serial port, e.g. /dev/ttyUSB0 or COM3'),
    baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(9600),
  }),
  z.object({
    kind: z.literal('usb-lp'),
    path: z.string().trim().regex(/^\//, 'use an absolute device path such as /dev/usb/lp0').default(DEFAULT_USB_LP_PATH),
  }),
]);

export type PrinterConnection = z.infer<typeof printerConnectionSchema>;

export function parsePrinterConnection(input: unknown): Result<PrinterConnection, string> {
  const parsed = printerConnectionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return err(`printer connection: ${issue ? `${issue.path.join('.') || 'kind'}: ${issue.message}` : 'invalid'}`);
}

export function createTransport(connection: PrinterConnection): PrinterTransport {
  switch (connection.kind) {
    case 'tcp':
      return new TcpTransport({ host: connection.host, port: connection.port });
    case 'serial':
      return new SerialTransport({ path: connection.path, baudRate: connection.baudRate });
    case 'usb-lp':
      return new UsbLpTransport({ path: connection.path });
    default:
      return assertNever(connection, 'printer connection');
  }
}
