import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { POS_SCOPES, type PosScope } from '../../../app/pos-api/checkout-schemas';
import { MAX_POS_CLIENTS, type PosClientView } from '../../../app/pos-api/pos-client-schemas';
import { err, ok, type Result } from '../../../app/util/result';
import { readOptionalFile } from '../files/private-file';
import { writeJsonFile } from '../files/json-file';

/**
 * The POS clients' keys, beside the journal in pos-clients.json (0600, written whole).
 *
 * A key is 32 random bytes, so it is stored as its SHA-256, not scrypt: a slow hash only protects
 * guessable secrets like passwords, and nobody can guess 256 random bits from their hash. A fast
 * hash also keeps each request's check cheap, which matters when the rate limit is what is tested.
 */
export const POS_CLIENTS_FILE = 'pos-clients.json';
export const posClientsPath = (dataDir: string): string => join(dataDir, POS_CLIENTS_FILE);

const storedClient = z.strictObject({
  id: z.string().regex(/^pc_[A-Za-z0-9]{8,32}$/),
  name: z.string().min(1).max(40),
  scopes: z.array(z.enum(POS_SCOPES)).min(1),
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  keyHint: z.string().max(16),
  createdAt: z.number().int().nonnegative(),
  revokedAt: z.number().int().nonnegative().nullable(),
});
type StoredClient = z.infer<typeof storedClient>;
const fileSchema = z.strictObject({ version: z.literal(1), clients: z.array(storedClient).max(MAX_POS_CLIENTS * 4) });

/** Who a request's key belongs to: what the API knows of the caller. */
export interface PosClient {
  readonly id: string;
  readonly name: string;
  readonly scopes: ReadonlySet<PosScope>;
}

export interface PosKeyStore {
  /** The client whose live key this is; null for an unknown or revoked key. Constant time per stored key. */
  authenticate(key: string): PosClient | null;
  list(): readonly PosClientView[];
  create(name: string, scopes: readonly PosScope[]): Result<{ readonly client: PosClientView; readonly key: string }, string>;
  revoke(id: string): Result<PosClientView, string>;
  /** Why the saved file could not be read (the store then starts empty), or null. */
  readonly problem: string | null;
}

const KEY_PREFIX = 'pos_';
const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
const alnum = (bytes: number): string => randomBytes(bytes).toString('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 16).padEnd(16, '0');

/** `file` null keeps the keys in memory only (tests, a terminal without a data folder). */
export function openPosKeyStore(options: { readonly file: string | null; readonly now: () => number }): PosKeyStore {
  const loaded = options.file === null ? ok<StoredClient[]>([]) : load(options.file);
  let clients: StoredClient[] = loaded.ok ? loaded.value : [];
  const lastUsed = new Map<string, number>();
  const view = (c: StoredClient): PosClientView => ({
    id: c.id,
    name: c.name,
    scopes: c.scopes,
    keyHint: c.keyHint,
    createdAt: c.createdAt,
    revokedAt: c.revokedAt,
    lastUsedAt: lastUsed.get(c.id) ?? null,
  });
  const save = (next: StoredClient[]): Result<void, string> => {
    if (options.file !== null) {
      const written = writeJsonFile(options.file, { version: 1, clients: next }, 'list of POS keys');
      if (!written.ok) return written;
    }
    clients = next;
    return ok(undefined);
  };

  return {
    problem: loaded.ok ? null : loaded.error,
    authenticate: (key) => {
      if (key.length < 10 || key.length > 200 || !key.startsWith(KEY_PREFIX)) return null;
      const presented = sha256(key);
      let found: StoredClient | null = null;
      // Every stored hash is compared, with no early exit: the time taken says nothing about which matched.
      for (const client of clients) {
        if (timingSafeEqual(presented, Buffer.from(client.keyHash, 'hex')) && client.revokedAt === null) found = client;
      }
      if (found === null) return null;
      lastUsed.set(found.id, options.now());
      return { id: found.id, name: found.name, scopes: new Set(found.scopes) };
    },
    list: () => clients.map(view),
    create: (name, scopes) => {
      if (clients.filter((c) => c.revokedAt === null).length >= MAX_POS_CLIENTS) {
        return err(`At most ${String(MAX_POS_CLIENTS)} POS keys can be in use: revoke one first`);
      }
      if (clients.some((c) => c.revokedAt === null && c.name.toLowerCase() === name.toLowerCase())) {
        return err(`A POS key named "${name}" is already in use: choose another name, or revoke that one first`);
      }
      const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const client: StoredClient = {
        id: `pc_${alnum(12)}`,
        name,
        scopes: POS_SCOPES.filter((s) => scopes.includes(s)),
        keyHash: sha256(key).toString('hex'),
        keyHint: `${key.slice(0, 8)}…`,
        createdAt: options.now(),
        revokedAt: null,
      };
      // Revoked keys beyond the cap are forgotten, oldest first; they can never be used again anyway.
      const kept = [...clients, client].filter((c, i, all) => c.revokedAt === null || all.length - i <= MAX_POS_CLIENTS * 3);
      const saved = save(kept);
      return saved.ok ? ok({ client: view(client), key }) : saved;
    },
    revoke: (id) => {
      const client = clients.find((c) => c.id === id);
      if (client === undefined) return err(`No POS key ${id} on this terminal`);
      if (client.revokedAt !== null) return ok(view(client));
      const revoked = { ...client, revokedAt: options.now() };
      const saved = save(clients.map((c) => (c.id === id ? revoked : c)));
      return saved.ok ? ok(view(revoked)) : saved;
    },
  };
}

function load(file: string): Result<StoredClient[], string> {
  const read = readOptionalFile(file);
  if (!read.ok) return read;
  if (read.value === null) return ok([]);
  try {
    const parsed = fileSchema.safeParse(JSON.parse(read.value.toString('utf8')));
    if (parsed.success) return ok(parsed.data.clients);
  } catch {
    // Falls through to the sentence below.
  }
  return err(`${file} is damaged: every POS key must be created again (no key from it is accepted)`);
}
