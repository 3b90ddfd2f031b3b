import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DisplayPairing } from '../service/pairing/display-pairing';
import type { ClientRole } from '../service/terminal/terminal-api';

/** What a token opens: a role, and for a paired display, which one (so revoking it can close its sockets). */
export interface Grant {
  readonly role: ClientRole;
  readonly displayId: string | null;
}

export interface HostTokens {
  /** What `token` grants to a client at `remoteAddress`, or null for a missing or wrong token. */
  readonly grantFor: (token: string | null, remoteAddress: string | undefined) => Grant | null;
  /** This launch's token for a role, as printed in its link. */
  readonly launchToken: (role: ClientRole) => string;
}

/** The terminal's own machine: the kiosk cashier link works from here only. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The tokens the host accepts: this launch's two (random each start, printed, compared in constant
 * time), the kiosk cashier link (kept hashed, loopback only) and each paired display's (kept hashed).
 */
export function createHostTokens(pairing: DisplayPairing | undefined): HostTokens {
  const launch: ReadonlyArray<readonly [Buffer, ClientRole]> = [
    [Buffer.from(randomBytes(18).toString('base64url')), 'cashier'],
    [Buffer.from(randomBytes(18).toString('base64url')), 'display'],
  ];
  const launchRole = (token: string): ClientRole | null => {
    const given = Buffer.from(token);
    for (const [expected, role] of launch) {
      if (given.length === expected.length && timingSafeEqual(given, expected)) return role;
    }
    return null;
  };
  return {
    grantFor: (token, remoteAddress) => {
      if (token === null) return null;
      const role = launchRole(token);
      if (role !== null) return { role, displayId: null };
      if (pairing === undefined) return null;
      // A kiosk link copied to another machine opens nothing there: it is for the terminal's own browser.
      if (isLoopback(remoteAddress) && pairing.isCashierLink(token)) return { role: 'cashier', displayId: null };
      const displayId = pairing.displayFor(token);
      return displayId === null ? null : { role: 'display', displayId };
    },
    launchToken: (role) => launch.find(([, r]) => r === role)?.[0].toString() ?? '',
  };
}
