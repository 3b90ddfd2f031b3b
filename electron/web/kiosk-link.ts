import { isIP } from 'node:net';

/** Whether `address` is this machine's loopback (127.0.0.0/8, ::1, localhost). */
function isLoopback(address: string): boolean {
  if (address === 'localhost' || address === '::1') return true;
  return isIP(address) === 4 && address.startsWith('127.');
}

/**
 * Where this machine's own browser reaches the host over loopback, which the kiosk cashier link
 * needs (it opens only for a browser on the terminal's machine): loopback itself when the host
 * listens on every address, the listen address when it is a loopback one, and null when the host
 * listens on one LAN address only, where no loopback connection can reach it.
 */
export function kioskBase(listen: string, port: number): string | null {
  const wildcard = listen === '0.0.0.0' || listen === '::' || listen === '';
  if (!wildcard && !isLoopback(listen)) return null;
  const shown = wildcard ? '127.0.0.1' : listen.includes(':') ? `[${listen}]` : listen;
  return `http://${shown}:${String(port)}`;
}

/** What `serve` says instead of a kiosk link when the host cannot be reached over loopback. */
export const noKioskLink = (listen: string): string =>
  `Kiosk cashier link: none while the host listens on ${listen} only: the link opens only for a browser on this machine over loopback, so start with --host 0.0.0.0 (every address) or the default 127.0.0.1.`;
