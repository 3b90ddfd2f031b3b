import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenAddress, isLoopback } from './webhook-url';

/** A webhook host resolved to an address the terminal must not call. */
export class ForbiddenAddressError extends Error {
  override readonly name = 'ForbiddenAddressError';
}

/** Every address of a name, from the system resolver (tests pass their own). */
export function resolveAll(hostname: string, done: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void): void {
  dnsLookup(hostname, { all: true }, done);
}

/**
 * DNS for webhook deliveries: every address the name resolves to is checked at connect time, so a
 * name that resolves (or is re-pointed) to a metadata or link-local address is refused, and plain
 * http reaches loopback only.
 */
export function guardedLookup(loopbackOnly: boolean, resolve: typeof resolveAll = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error !== null) return callback(error, '', 0);
      const refused = addresses.map((a) => [a.address, forbiddenAddress(a.address) ?? (loopbackOnly && !isLoopback(a.address) ? 'not this machine (http is for loopback only)' : null)] as const).find(([, why]) => why !== null);
      if (refused !== undefined) return callback(new ForbiddenAddressError(`${hostname} resolves to ${refused[0]}, ${refused[1]}: not sent.`), '', 0);
      if (options.all === true) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(new ForbiddenAddressError(`${hostname} has no address.`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}
