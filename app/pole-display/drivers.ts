import { assertNever } from '../util/assert-never';
import { cd5220Driver } from './cd5220-driver';
import type { PoleDriver, PoleDriverId, PoleDriverOptions } from './driver';
import { epsonDriver } from './epson-driver';
import { logicControlsDriver } from './logic-controls-driver';
import { plainDriver } from './plain-driver';

const DEFAULT_POLE_DRIVER_OPTIONS: PoleDriverOptions = { brightness: 4 };

export function createPoleDriver(id: PoleDriverId, options: PoleDriverOptions = DEFAULT_POLE_DRIVER_OPTIONS): PoleDriver {
  switch (id) {
    case 'epson':
      return epsonDriver(options);
    case 'cd5220':
      return cd5220Driver(options);
    case 'logic-controls':
      return logicControlsDriver(options);
    case 'plain':
      return plainDriver();
    default:
      return assertNever(id, 'pole driver');
  }
}
