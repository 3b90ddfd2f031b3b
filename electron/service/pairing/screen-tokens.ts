import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The long-lived tokens of paired displays and of the kiosk cashier link. Each is 24 random bytes
 * (192 bits), so a plain SHA-256 is enough to keep at rest: nothing short enough to guess is hashed,
 * and a copy of the data folder gives nobody a working token.
 */

/** A new token: URL-safe, 32 characters. */
export const newScreenToken = (): string => randomBytes(24).toString('base64url');

/** What is stored instead of a token: its SHA-256, as 64 hex characters. */
export const hashScreenToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether `token` hashes to `hash`, compared in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  const given = Buffer.from(hashScreenToken(token), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/** Tokens the host ever issues have exactly this shape; anything else is refused before hashing. */
export const SCREEN_TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;
