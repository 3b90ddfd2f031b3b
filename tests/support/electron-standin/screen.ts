import { EventEmitter } from 'node:events';
import type { Display, Point, Rectangle, Screen } from 'electron';

/** One monitor as a test describes it; the rest of Electron's Display is filled in with plain values. */
export interface DisplaySpec {
  readonly id: number;
  readonly bounds: Rectangle;
  /** Defaults to the bounds less a 40 px task bar at the bottom. */
  readonly workArea?: Rectangle;
  readonly label?: string;
}

export const SCREEN_SURFACE = [
  'getPrimaryDisplay',
  'getAllDisplays',
  'getDisplayMatching',
  'getDisplayNearestPoint',
] as const;

type Surface = Pick<Screen, (typeof SCREEN_SURFACE)[number]>;

function toDisplay(spec: DisplaySpec): Display {
  const workArea = spec.workArea ?? { ...spec.bounds, height: Math.max(0, spec.bounds.height - 40) };
  return {
    id: spec.id,
    label: spec.label ?? `Stand-in monitor ${String(spec.id)}`,
    bounds: { ...spec.bounds },
    workArea: { ...workArea },
    size: { width: spec.bounds.width, height: spec.bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    detected: true,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    colorDepth: 24,
    depthPerComponent: 8,
    colorSpace: '{primaries:BT709, transfer:SRGB, matrix:RGB, range:FULL}',
    displayFrequency: 60,
    maximumCursorSize: { width: 64, height: 64 },
    nativeOrigin: { x: spec.bounds.x, y: spec.bounds.y },
  };
}

const overlap = (a: Rectangle, b: Rectangle): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const distance = (p: Point, r: Rectangle): number => {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return dx * dx + dy * dy;
};

/** The attached monitors, shared by the screen and the test's control over it. */
interface Monitors {
  displays: Display[];
  readonly primaryId: number;
}

/** Electron's `screen`, with monitors a test plugs in and out (see `screenControl`); the primary one is the first given. */
export class StandinScreen extends EventEmitter implements Surface {
  readonly #monitors: Monitors;

  constructor(monitors: Monitors) {
    super();
    this.#monitors = monitors;
  }

  getPrimaryDisplay(): Display {
    const { displays, primaryId } = this.#monitors;
    return { ...(displays.find((d) => d.id === primaryId) ?? displays[0]!) };
  }

  getAllDisplays(): Display[] {
    return this.#monitors.displays.map((d) => ({ ...d }));
  }

  getDisplayMatching(rect: Rectangle): Display {
    const best = [...this.#monitors.displays].sort((a, b) => overlap(rect, b.bounds) - overlap(rect, a.bounds))[0];
    if (best !== undefined && overlap(rect, best.bounds) > 0) return { ...best };
    return this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  }

  getDisplayNearestPoint(point: Point): Display {
    const nearest = [...this.#monitors.displays].sort((a, b) => distance(point, a.bounds) - distance(point, b.bounds))[0];
    return nearest === undefined ? this.getPrimaryDisplay() : { ...nearest };
  }
}

/** What a test does to the monitors: plug one in, unplug one; each fires the event Electron fires. */
export interface ScreenControl {
  add(spec: DisplaySpec): void;
  remove(id: number): void;
}

export function createScreen(specs: readonly DisplaySpec[]): { readonly screen: StandinScreen; readonly control: ScreenControl } {
  if (specs.length === 0) throw new Error('the stand-in screen needs at least one display');
  const monitors: Monitors = { displays: specs.map(toDisplay), primaryId: specs[0]!.id };
  const screen = new StandinScreen(monitors);
  const control: ScreenControl = {
    add: (spec) => {
      if (monitors.displays.some((d) => d.id === spec.id)) throw new Error(`display ${String(spec.id)} is already attached`);
      const added = toDisplay(spec);
      monitors.displays = [...monitors.displays, added];
      screen.emit('display-added', { preventDefault: () => undefined }, { ...added });
    },
    remove: (id) => {
      const gone = monitors.displays.find((d) => d.id === id);
      if (gone === undefined) throw new Error(`no display ${String(id)} is attached`);
      if (id === monitors.primaryId) throw new Error('the stand-in does not unplug the primary display');
      monitors.displays = monitors.displays.filter((d) => d.id !== id);
      screen.emit('display-removed', { preventDefault: () => undefined }, { ...gone });
    },
  };
  return { screen, control };
}
