import type { PoleScreen } from './screen';

/** The command sets the terminal speaks; the id is what settings store. */
export const POLE_DRIVER_IDS = ['epson', 'cd5220', 'logic-controls', 'plain'] as const;
export type PoleDriverId = (typeof POLE_DRIVER_IDS)[number];

/** Brightness as the display steps it, 1 (dimmest) to 4 (full); each driver maps it to its own bytes. */
export type PoleBrightness = 1 | 2 | 3 | 4;

export interface PoleDriverOptions {
  readonly brightness: PoleBrightness;
}

export interface PoleDriver {
  readonly id: PoleDriverId;
  readonly label: string;
  /** Puts the display in a known state (reset, mode, cursor off, brightness) and leaves it blank. */
  readonly init: () => Uint8Array;
  /**
   * Bytes that turn what the display shows (`previous`, or null when unknown: after init, a reconnect
   * or a fault) into `next`. Empty when nothing changed.
   */
  readonly render: (next: PoleScreen, previous: PoleScreen | null) => Uint8Array;
}
