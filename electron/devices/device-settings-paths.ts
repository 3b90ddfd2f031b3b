import { POLE_SERIAL, PRINTER_SERIAL, PRINTER_USB_LP, type DevicePathRefusal, type DeviceUse } from '../../app/settings/device-path';
import type { Settings } from '../../app/settings/settings';
import { checkDevicePath, type DevicePathPolicy } from './device-path';

/** The fields of the device settings that name a device path, as the screen and the settings file name them. */
export type DevicePathField = 'printer.connection.path' | 'poleDisplay.port.path';

export interface DevicePathVerdicts {
  /** Each refused path's sentence and `Said`, by its field. */
  readonly refused: Partial<Readonly<Record<DevicePathField, DevicePathRefusal>>>;
  /** Allowed paths with nothing there now (an unplugged adapter): fine to save, worth saying. */
  readonly notConnected: readonly string[];
}

/** Checks the printer's and the pole display's paths (those given) against the device path rule and the filesystem. */
export async function checkDeviceSettingsPaths(settings: { readonly printer?: Settings['printer'] | undefined; readonly poleDisplay?: Settings['poleDisplay'] | undefined }, policy: DevicePathPolicy): Promise<DevicePathVerdicts> {
  const refused: Partial<Record<DevicePathField, DevicePathRefusal>> = {};
  const notConnected: string[] = [];
  const connection = settings.printer?.connection ?? null;
  const port = settings.poleDisplay?.port ?? null;
  const wanted: [DevicePathField, string, DeviceUse][] = [];
  if (connection !== null && connection.kind !== 'tcp') wanted.push(['printer.connection.path', connection.path, connection.kind === 'serial' ? PRINTER_SERIAL : PRINTER_USB_LP]);
  if (port !== null) wanted.push(['poleDisplay.port.path', port.path, POLE_SERIAL]);
  for (const [field, path, use] of wanted) {
    const checked = await checkDevicePath(path, use, policy);
    if (!checked.ok) refused[field] = checked.error;
    else if (!checked.value.present) notConnected.push(checked.value.message);
  }
  return { refused, notConnected };
}
