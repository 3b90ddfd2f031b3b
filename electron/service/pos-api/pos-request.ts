import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { declaredTooLarge, isJsonContentType, readBoundedBody } from '../../shared/http/http-body';
import type { PosError } from './pos-errors';
import type { PosClient, PosKeyStore } from './pos-keys';

/*
 * Reading one POS request: who sent it (the Bearer key), its Idempotency-Key, and its JSON body
 * checked against the operation's schema. Each problem is a PosError with a code and a sentence.
 */

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PosError };
const fail = (status: number, code: string, message: string, extra: Partial<PosError> = {}): { readonly ok: false; readonly error: PosError } => ({
  ok: false,
  error: { status, code, message, ...extra },
});

/** The client whose key is in `Authorization: Bearer …`, or why not. */
export function authenticate(req: IncomingMessage, keys: PosKeyStore): Checked<PosClient> {
  const header = req.headers.authorization;
  const challenge = { headers: { 'www-authenticate': 'Bearer realm="pos"' } };
  if (header === undefined) return fail(401, 'unauthorized', 'Send the POS key as "Authorization: Bearer pos_…" (create one in Settings → POS API)', challenge);
  const match = /^Bearer +(\S{1,200})$/i.exec(header);
  if (match === null) return fail(401, 'unauthorized', 'The Authorization header must be "Bearer " followed by the POS key', challenge);
  const client = keys.authenticate(match[1] ?? '');
  if (client === null) return fail(401, 'unauthorized', 'This POS key is not valid: it is unknown or was revoked', challenge);
  return { ok: true, value: client };
}

/** The Idempotency-Key header: required, 1 to 255 printable ASCII characters. */
export function idempotencyKey(req: IncomingMessage): Checked<string> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return fail(400, 'idempotency_key_missing', 'Send an Idempotency-Key header (a fresh random value per new request, the same value when retrying it)');
  if (Array.isArray(raw) || !/^[\x21-\x7e]{1,255}$/.test(raw)) {
    return fail(400, 'idempotency_key_invalid', 'The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters without spaces');
  }
  return { ok: true, value: raw };
}

/** Before the body is read: its type and declared size. Null when it may be read. */
export function bodyRefusal(req: IncomingMessage, maxBytes: number): PosError | null {
  if (!isJsonContentType(req.headers['content-type'])) return { status: 415, code: 'unsupported_media_type', message: 'The body must be JSON: send "Content-Type: application/json"' };
  if (declaredTooLarge(req, maxBytes)) return { status: 413, code: 'body_too_large', message: `The body is over ${String(maxBytes)} bytes` };
  return null;
}

/** The body, parsed and checked; `hash` identifies its meaning (not its spacing) for idempotency. */
export async function readJson<T>(req: IncomingMessage, maxBytes: number, schema: z.ZodType<T>): Promise<Checked<{ readonly data: T; readonly hash: string }> | null> {
  const body = await readBoundedBody(req, maxBytes);
  if (body.kind === 'aborted') return null;
  if (body.kind === 'too-large') return fail(413, 'body_too_large', `The body is over ${String(maxBytes)} bytes`);
  if (body.kind === 'not-utf8') return fail(400, 'invalid_json', 'The body is not UTF-8 text');
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return fail(400, 'invalid_json', 'The body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail(422, 'invalid_request', describeIssues(parsed.error, json));
  return { ok: true, value: { data: parsed.data, hash: createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex') } };
}

/** Whether `input` has a field at `path` (a missing field reads "is required" rather than its type's sentence). */
function present(input: unknown, path: readonly PropertyKey[]): boolean {
  let here: unknown = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return false;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

/** "amount.minor must be more than zero; unknown field(s) tip": each problem named by its field, a few at most. */
export function describeIssues(error: z.ZodError, input: unknown): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.').slice(0, 80) : 'body';
    if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.slice(0, 5).map((k) => k.slice(0, 40)).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.path.length > 0 && !present(input, issue.path)) return `${where} is required`;
    return `${where} ${issue.message}`;
  });
  return `The request is not valid: ${lines.join('; ')}`;
}
