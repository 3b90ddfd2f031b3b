/*
 * The QR's countdown, one format everywhere it is shown: the customer display, the cashier screen and
 * the pole display. "m:ss", and "h:mm:ss" past an hour, since Opn allows expiry up to 12 h ahead.
 */

/** Milliseconds left until `expiresAt`, never below zero. */
export function msLeft(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - now);
}

/** Whole seconds left until `expiresAt`, rounded up so "0:00" is shown only once the time is really up. */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/** "4:59", or "1:02:03" past an hour. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Milliseconds until the countdown text next changes, or null once it reads 0:00 for good. */
export function msUntilNextSecond(expiresAt: number, now: number): number | null {
  const left = expiresAt - now;
  if (left <= 0) return null;
  const shown = Math.ceil(left / 1000);
  return left - (shown - 1) * 1000;
}
