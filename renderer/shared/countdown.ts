/** Milliseconds left until `expiresAt` on the host's clock (local clock plus the measured offset). */
export function remainingMs(expiresAt: number, now: number, clockOffsetMs: number): number {
  return Math.max(0, expiresAt - (now + clockOffsetMs));
}

/** mm:ss, rounding up so "00:00" appears only once the time is really up. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
