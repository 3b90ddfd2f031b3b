/**
 * Where the customer display window goes, if anywhere, as a pure function of the attached displays, so
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
  readonly primary: boolean;
}

export type CustomerPlacement =
  | { readonly kind: 'fullscreen'; readonly displayId: number; readonly bounds: Rect; readonly reason: string }
  /** No monitor for the customer: no customer window at all, and the cashier screen says so. */
  | { readonly kind: 'none'; readonly displayId: null; readonly reason: string };

/**
 * The configured display when it is attached, else the first secondary display, full screen; with one
 * display, none: a window on the cashier's own monitor would cover the cashier screen or be hidden
 * behind it, so the QR is printed instead (printer.autoPrintQrSlip "without_display"). The primary
 * display is never taken over, even when configured: the cashier screen lives there.
 */
export function chooseCustomerDisplay(displays: readonly DisplayInfo[], configuredId?: number): CustomerPlacement {
  const primary = displays.find((d) => d.primary) ?? displays[0];
  if (primary === undefined) return { kind: 'none', displayId: null, reason: 'no display reported' };
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
  return { kind: 'none', displayId: null, reason: `${why}only one display; no customer window` };
}

/** True when the window is already where the placement wants it, so a metrics event that changes nothing moves nothing. */
export function samePlacement(a: CustomerPlacement, b: CustomerPlacement): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  return (
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
