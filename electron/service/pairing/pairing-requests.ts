import { randomInt } from 'node:crypto';
import type { DeviceRefusal } from '../../../app/ipc/devices';
import { PAIRING_CODE_DIGITS, type PairingRefusedWhy } from '../../../app/ipc/pairing-constants';
import { err, ok, type Result } from '../../../app/util/result';

/*
 * Displays waiting to be paired. A LAN neighbour can open as many pairing sockets as it likes, so every
 * dimension is bounded: codes die fast, each address has few requests pending and few a minute, the
 * whole host has few pending, and a code typed wrong too often locks approving for a while. With at most
 * `pendingTotal` of 10^6 codes alive, a code typed by mistake names a stranger's request one time in
 * ~10^5, and the cashier reads the code off the display they mean to pair.
 */

export interface PairingLimits {
  /** How long a code may be typed after it is shown; the display then asks for a new one. */
  readonly codeTtlMs: number;
  /** Requests one address may have waiting at once (one tablet, one code). */
  readonly pendingPerSource: number;
  /** Requests the host keeps waiting at once, from everyone. */
  readonly pendingTotal: number;
  /** New requests one address may make in a minute (a display renews its code every `codeTtlMs`). */
  readonly requestsPerSourcePerMinute: number;
  /** Wrong codes typed within `wrongCodeWindowMs` before approving is refused until the oldest falls out. */
  readonly wrongCodes: number;
  readonly wrongCodeWindowMs: number;
}

export const DEFAULT_PAIRING_LIMITS: PairingLimits = {
  codeTtlMs: 120_000,
  pendingPerSource: 1,
  pendingTotal: 8,
  requestsPerSourcePerMinute: 6,
  wrongCodes: 5,
  wrongCodeWindowMs: 10 * 60_000,
};

const MINUTE_MS = 60_000;
/** Addresses remembered for the per-minute limit; past this, new addresses are refused until some age out. */
const MAX_SOURCES = 1024;

/** What the cashier's approval hands the waiting display. */
export interface PairingGrant {
  readonly token: string;
  readonly name: string;
}

export interface PendingPairing {
  readonly code: string;
  readonly expiresAt: number;
  /** The display went away (socket closed, code expired): the code stops working. */
  cancel(): void;
}

interface Waiting {
  readonly code: string;
  readonly source: string;
  readonly expiresAt: number;
  readonly deliver: (grant: PairingGrant) => boolean;
}

/** A display given no code just now: the English sentence (for the log), and why, for the display's own words. */
export interface PairingRefused {
  readonly message: string;
  readonly why: PairingRefusedWhy;
}

export interface PairingRequests {
  /** A display at `source` asks for a code; `deliver` is called once if the cashier approves it, and says whether the display got it. */
  open(source: string, deliver: (grant: PairingGrant) => boolean): Result<PendingPairing, PairingRefused>;
  /** The cashier typed `code`: the waiting request it names, taken off the list, or why not. */
  take(code: string): Result<{ readonly deliver: (grant: PairingGrant) => boolean }, DeviceRefusal>;
  pending(): number;
}

export function createPairingRequests(limits: PairingLimits, now: () => number): PairingRequests {
  const waiting = new Map<string, Waiting>();
  const recent = new Map<string, number[]>();
  let wrong: number[] = [];

  const dropExpired = (): void => {
    for (const [code, request] of waiting) if (request.expiresAt <= now()) waiting.delete(code);
  };
  const recentFrom = (source: string): number[] => {
    const since = now() - MINUTE_MS;
    for (const [key, times] of recent) {
      const kept = times.filter((t) => t > since);
      if (kept.length === 0) recent.delete(key);
      else recent.set(key, kept);
    }
    return recent.get(source) ?? [];
  };
  const freshCode = (): string => {
    for (;;) {
      const code = String(randomInt(0, 10 ** PAIRING_CODE_DIGITS)).padStart(PAIRING_CODE_DIGITS, '0');
      if (!waiting.has(code)) return code;
    }
  };

  return {
    open(source, deliver) {
      dropExpired();
      const times = recentFrom(source);
      if (times.length >= limits.requestsPerSourcePerMinute || (!recent.has(source) && recent.size >= MAX_SOURCES)) {
        return err({ message: 'Too many pairing requests from this address: wait a minute, then reload the page', why: 'too_many_requests' });
      }
      // Every attempt counts, refused or not, so a flood keeps itself refused.
      recent.set(source, [...times, now()]);
      if ([...waiting.values()].filter((r) => r.source === source).length >= limits.pendingPerSource) {
        return err({ message: 'This address already has a pairing code waiting: use the code shown, or close that page first', why: 'already_waiting' });
      }
      if (waiting.size >= limits.pendingTotal) return err({ message: 'Too many displays are waiting to be paired: try again in a few minutes', why: 'too_many_waiting' });
      const code = freshCode();
      const request: Waiting = { code, source, expiresAt: now() + limits.codeTtlMs, deliver };
      waiting.set(code, request);
      return ok({
        code,
        expiresAt: request.expiresAt,
        cancel: () => {
          if (waiting.get(code) === request) waiting.delete(code);
        },
      });
    },
    take(code) {
      wrong = wrong.filter((t) => t > now() - limits.wrongCodeWindowMs);
      if (wrong.length >= limits.wrongCodes) {
        const minutes = Math.max(1, Math.ceil(((wrong[0] ?? now()) + limits.wrongCodeWindowMs - now()) / MINUTE_MS));
        const message = `Too many wrong pairing codes: pairing is paused for ${String(minutes)} minute${minutes === 1 ? '' : 's'}`;
        return err({ message, said: { area: 'devices', kind: 'pairing_paused', minutes } });
      }
      const request = waiting.get(code);
      if (request === undefined) {
        wrong.push(now());
        const seconds = Math.round(limits.codeTtlMs / 1000);
        const message = `No display is showing the code ${code}: check the code on the display (it changes every ${String(seconds)} seconds)`;
        return err({ message, said: { area: 'devices', kind: 'pairing_code_unknown', code, seconds } });
      }
      waiting.delete(code);
      if (request.expiresAt <= now()) {
        return err({ message: `The code ${code} has expired: the display shows a new one, type that`, said: { area: 'devices', kind: 'pairing_code_expired', code } });
      }
      return ok({ deliver: request.deliver });
    },
    pending: () => {
      dropExpired();
      return waiting.size;
    },
  };
}
