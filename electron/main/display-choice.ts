/**
 * Where the customer display window goes, as a pure function of the attached displays, so
 * plugging and unplugging monitors is unit-tested without Electron's `screen`.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
  /** The area left by task bars and docks; the windowed fallback keeps inside it. Defaults to bounds. */
  readonly workArea?: Rect;
  readonly primary: boolean;
}

export type CustomerPlacement =
  | { readonly kind: 'fullscreen'; readonly displayId: number; readonly bounds: Rect; readonly reason: string }
  | { readonly kind: 'window'; readonly displayId: number | null; readonly bounds: Rect; readonly reason: string };

/** The windowed fallback: big enough to read, small enough to drag beside the cashier screen. */
export const WINDOWED_SIZE = { width: 800, height: 600 } as const;
const WINDOWED_OFFSET = 40;

function windowOn(area: Rect): Rect {
  const width = Math.min(WINDOWED_SIZE.width, area.width);
  const height = Math.min(WINDOWED_SIZE.height, area.height);
  return {
    x: area.x + Math.min(WINDOWED_OFFSET, area.width - width),
    y: area.y + Math.min(WINDOWED_OFFSET, area.height - height),
    width,
    height,
  };
}

/**
 * The configured display when it is attached, else the first secondary display, full screen; with one
 * display, a normal window on it. The primary display is never taken over, even when configured:
 * the cashier screen lives there, and covering it would stop the shop.
 */
export function chooseCustomerDisplay(displays: readonly DisplayInfo[], configuredId?: number): CustomerPlacement {
  const primary = displays.find((d) => d.primary) ?? displays[0];
  if (primary === undefined) {
    return { kind: 'window', displayId: null, bounds: { x: 0, y: 0, ...WINDOWED_SIZE }, reason: 'no display reported' };
  }
  const secondaries = displays.filter((d) => d.id !== primary.id);
  if (configuredId !== undefined) {
    const configured = secondaries.find((d) => d.id === configuredId);
    if (configured !== undefined) {
      return { kind: 'fullscreen', displayId: configured.id, bounds: configured.bounds, reason: `configured display ${String(configuredId)}` };
    }
  }
  const first = secondaries[0];
  const why =
    configuredId === undefined
      ? ''
      : configuredId === primary.id
        ? `configured display ${String(configuredId)} is the cashier's primary display; `
        : `configured display ${String(configuredId)} is not attached; `;
  if (first !== undefined) {
    return { kind: 'fullscreen', displayId: first.id, bounds: first.bounds, reason: `${why}first secondary display ${String(first.id)}` };
  }
  return {
    kind: 'window',
    displayId: primary.id,
    bounds: windowOn(primary.workArea ?? primary.bounds),
    reason: `${why}only one display; a window on the primary`,
  };
}

/** True when the window is already where the placement wants it, so a metrics event that changes nothing moves nothing. */
export function samePlacement(a: CustomerPlacement, b: CustomerPlacement): boolean {
  return (
    a.kind === b.kind &&
    a.displayId === b.displayId &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  );
}

/** The `--customer-display=<id>` switch: a display id is a non-negative integer; anything else is "not configured". */
export function parseDisplayId(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** What Electron says of a monitor, for naming it in the settings screen's picker. */
export interface MonitorFacts {
  readonly id: number;
  /** Electron's name for it (the monitor's model on most systems); may be empty. */
  readonly label: string;
  readonly size: { readonly width: number; readonly height: number };
}

/** The monitors as the picker lists them: "Display 2: DELL P2419H, 1920×1080", the cashier's first. */
export function monitorChoices(monitors: readonly MonitorFacts[], primaryId: number): { id: number; label: string; primary: boolean }[] {
  return monitors
    .map((m, index) => {
      const name = m.label.trim() === '' ? '' : `: ${m.label.trim()}`;
      return { id: m.id, label: `Display ${String(index + 1)}${name}, ${String(m.size.width)}\u00d7${String(m.size.height)}`, primary: m.id === primaryId };
    })
    .sort((a, b) => Number(b.primary) - Number(a.primary));
}
