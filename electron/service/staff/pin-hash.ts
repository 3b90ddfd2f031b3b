import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * PINs are kept only as a slow salted hash (Node's scrypt): a 4-digit PIN has 10,000 values, so the
 * hash must cost enough that trying them all from a stolen file takes hours, not a second, and the
 * salt makes every file its own work. N = 2^15 takes about 50 ms here, once per sign-in.
 */
export const PIN_HASH_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2 ** 14).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
  hash: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type PinHash = z.infer<typeof pinHashSchema>;

function derive(pin: string, salt: Buffer, params: Pick<PinHash, 'N' | 'r' | 'p'>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 * N * r bytes; Node's 32 MiB default is exactly that at 2^15, so give room.
    scrypt(pin, salt, PIN_HASH_PARAMS.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PIN_HASH_PARAMS);
  return { algorithm: 'scrypt', N: PIN_HASH_PARAMS.N, r: PIN_HASH_PARAMS.r, p: PIN_HASH_PARAMS.p, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** True when `pin` is the one hashed; compared in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  const expected = Buffer.from(stored.hash, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
}
