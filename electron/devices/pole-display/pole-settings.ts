import type { Clock } from '../../../app/engine/clock';
import { type PoleBrightness, type PoleDriverId } from '../../../app/pole-display/driver';
import { createPoleDriver } from '../../../app/pole-display/drivers';
import { poleTestScreen } from '../../../app/pole-display/layout';
import { err, ok, type Result } from '../../../app/util/result';
import { startPoleDisplay, type PoleBackoff, type PoleDisplayDevice, type PoleDisplayStatus } from './pole-display-device';
import { openSerialLink, type PoleLinkOpener, type PoleSerialOptions } from './serial-link';

/** Everything settings hold about the pole display, in one flat shape. */
export interface PoleDisplaySettings extends PoleSerialOptions {
  readonly driver: PoleDriverId;
  readonly brightness?: PoleBrightness;
}

export interface PoleDisplayDeps {
  readonly clock: Clock;
  readonly onStatus?: (status: PoleDisplayStatus) => void;
  readonly open?: PoleLinkOpener;
  readonly backoff?: PoleBackoff;
}

function serialOptions(settings: PoleDisplaySettings): PoleSerialOptions {
  const { driver: _driver, brightness: _brightness, ...serial } = settings;
  return serial;
}

export function startPoleDisplayFromSettings(settings: PoleDisplaySettings, deps: PoleDisplayDeps): PoleDisplayDevice {
  return startPoleDisplay({
    driver: createPoleDriver(settings.driver, { brightness: settings.brightness ?? 4 }),
    port: serialOptions(settings),
    clock: deps.clock,
    ...(deps.onStatus ? { onStatus: deps.onStatus } : {}),
    ...(deps.open ? { open: deps.open } : {}),
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
  });
}

/**
 * The settings page's "test display" for a port no running device holds (serialport locks a port, so
 * for the configured display use `PoleDisplayDevice.showTest`): opens, draws the pattern, closes.
 */
export async function testPoleDisplay(settings: PoleDisplaySettings, open: PoleLinkOpener = openSerialLink): Promise<Result<void, string>> {
  const driver = createPoleDriver(settings.driver, { brightness: settings.brightness ?? 4 });
  try {
    const link = await open(serialOptions(settings));
    try {
      await link.write(driver.init());
      await link.write(driver.render(poleTestScreen(), null));
    } finally {
      await link.close();
    }
    return ok(undefined);
  } catch (error) {
    return err(`Pole display test failed on ${settings.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
