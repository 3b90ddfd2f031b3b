import type { z } from 'zod';
import { assertNever } from '../../../app/util/assert-never';
import { printerConnectionSettings } from '../../../app/settings/device-settings';
import { err, ok, type Result } from '../../../app/util/result';
import { devicePathPolicy, type DevicePathPolicy } from '../device-path';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';
import type { PrinterTransport } from './transport';
import { UsbLpTransport } from './usb-lp-transport';

/** How settings describe the printer connection: the settings file's own schema, so both check paths alike. */
export const printerConnectionSchema = printerConnectionSettings;

export type PrinterConnection = z.infer<typeof printerConnectionSchema>;

export function parsePrinterConnection(input: unknown): Result<PrinterConnection, string> {
  const parsed = printerConnectionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return err(`printer connection: ${issue ? `${issue.path.join('.') || 'kind'}: ${issue.message}` : 'invalid'}`);
}

/** `policy` says which device paths may be opened (the settings file's devices.allowPseudoTerminals). */
export function createTransport(connection: PrinterConnection, policy: DevicePathPolicy = devicePathPolicy()): PrinterTransport {
  switch (connection.kind) {
    case 'tcp':
      return new TcpTransport({ host: connection.host, port: connection.port });
    case 'serial':
      return new SerialTransport({ path: connection.path, baudRate: connection.baudRate, policy });
    case 'usb-lp':
      return new UsbLpTransport({ path: connection.path, policy });
    default:
      return assertNever(connection, 'printer connection');
  }
}
