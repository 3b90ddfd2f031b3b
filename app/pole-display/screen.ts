/** A 2×20 customer display: the only geometry the drivers and the layout support. */
export const POLE_COLUMNS = 20;
export const POLE_ROWS = 2;

/** What the display shows: two lines of exactly POLE_COLUMNS printable ASCII characters. */
export interface PoleScreen {
  readonly top: string;
  readonly bottom: string;
}

/** Pads or cuts plain text to the line width. Callers fit amounts first, so only words are ever cut here. */
function fitLine(text: string): string {
  return text.length >= POLE_COLUMNS ? text.slice(0, POLE_COLUMNS) : text.padEnd(POLE_COLUMNS, ' ');
}

export function centre(text: string): string {
  const trimmed = text.trim().slice(0, POLE_COLUMNS);
  const left = Math.floor((POLE_COLUMNS - trimmed.length) / 2);
  return fitLine(' '.repeat(left) + trimmed);
}

/** Left text and right text on one line; the left side gives way, the right (an amount or a time) never does. */
export function spread(left: string, right: string): string {
  const room = POLE_COLUMNS - right.length;
  if (room <= 0) return fitLine(right);
  // Keep one space between the two sides.
  const l = left.length < room ? left : left.slice(0, Math.max(0, room - 1)).trimEnd();
  return l + ' '.repeat(POLE_COLUMNS - l.length - right.length) + right;
}

export function poleScreen(top: string, bottom: string): PoleScreen {
  return { top: fitLine(top), bottom: fitLine(bottom) };
}

export const BLANK_SCREEN: PoleScreen = poleScreen('', '');

export function sameScreen(a: PoleScreen | null, b: PoleScreen | null): boolean {
  return a !== null && b !== null && a.top === b.top && a.bottom === b.bottom;
}
