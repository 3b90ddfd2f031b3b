import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookCreatedSchema, webhookSchema } from '../../app/pos-api/event-schemas';
import { checkoutListSchema, checkoutSchema, errorBodySchema } from '../../app/pos-api/checkout-schemas';
import { createRng, type Rng } from '../faults/prng';
import { mutateTree } from '../support/fuzz-mutate';
import { startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * The hardening work's fuzzing, pointed at the POS API: seeded random and mutated requests (FUZZ_SEED
 * replays a run). Every answer must be JSON that the contract describes (a checkout, a list, or an
 * error with a code and a sentence), never a 500, and the API must still serve afterwards.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const REQUESTS = 300;
const ID = `co_${'a'.repeat(24)}`;
const TEMPLATES: readonly { readonly method: string; readonly path: string; readonly body?: unknown }[] = [
  { method: 'POST', path: '/v1/checkouts', body: { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'F-1', whenBusy: 'queue' } },
  { method: 'POST', path: '/v1/checkouts', body: { amount: { minor: 500, currency: 'SGD' }, method: 'atome', reference: 'F-2', description: 'fuzz' } },
  { method: 'GET', path: '/v1/checkouts?status=paid&limit=5' },
  { method: 'GET', path: `/v1/checkouts/${ID}` },
  { method: 'POST', path: `/v1/checkouts/${ID}/cancel` },
  { method: 'POST', path: `/v1/checkouts/${ID}/refunds`, body: { amount: { minor: 100, currency: 'SGD' }, reason: 'fuzz' } },
  { method: 'PUT', path: '/v1/webhook', body: { url: 'http://127.0.0.1:9/pos-events' } },
];
/** Odd values, and the same as text for where only text can go. */
const ODD: readonly unknown[] = ['', '__proto__', 'constructor', '\u0000', '\ud800', 'x'.repeat(3000), '../../etc/passwd', '%2e%2e%2f', '<script>', 'NaN', -1, 1.5, 2 ** 53, 1e308, null, true, [], {}];

function mutateBody(rng: Rng, body: unknown): unknown {
  return mutateTree(rng, body, { descend: 0.5, value: (r) => r.pick(ODD), key: (r) => r.pick(ODD_TEXT).slice(0, 50) });
}

const ODD_TEXT: readonly string[] = ODD.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

/** Odd text as it can travel in a URL (percent-encoded; a lone surrogate has no UTF-8, so it becomes "?"). */
const inUrl = (value: string, max: number): string => encodeURIComponent(value.slice(0, max).replace(/[\ud800-\udfff]/g, '?'));

function mutatePath(rng: Rng, path: string): string {
  switch (rng.int(0, 5)) {
    case 0:
      return path.replace(ID, inUrl(rng.pick(ODD_TEXT), 100));
    case 1:
      return `${path}${rng.chance(0.5) ? '?' : '&'}limit=${inUrl(rng.pick(ODD_TEXT), 40)}&cursor=${inUrl(rng.pick(ODD_TEXT), 40)}`;
    case 2:
      return path.replace('/v1', rng.pick(['/v2', '/V1', '//v1', '/v1/..', '']));
    default:
      return path;
  }
}

let t: PosTerminal;
let key: string;
beforeAll(async () => {
  t = await startPosTerminal({ posApi: { allowRefunds: true } }, { limits: { burst: 100_000, ratePerSecond: 100_000, sourceBurst: 100_000, sourceRatePerSecond: 100_000 } });
  key = (await t.key('Fuzz till', ['charge', 'refund', 'read'])).key;
});
afterAll(() => t.close());

describe(`fuzzing the POS API (FUZZ_SEED=${String(SEED)})`, () => {
  it('answers every request with JSON the contract describes, never a 500, and still serves afterwards', async () => {
    const rng = createRng(SEED);
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const template = rng.pick(TEMPLATES);
      const body = template.body === undefined ? undefined : rng.chance(0.15) ? '{"amount":'.repeat(rng.int(1, 50)) : JSON.stringify(mutateBody(rng, template.body));
      const headers: Record<string, string> = { authorization: rng.chance(0.9) ? `Bearer ${key}` : rng.pick(ODD_TEXT).slice(0, 100).replace(/[^\x20-\x7e]/g, '') };
      if (rng.chance(0.85)) headers['idempotency-key'] = rng.chance(0.8) ? `fuzz-${String(rng.int(0, 30))}` : rng.pick(ODD_TEXT).slice(0, 300).replace(/[^\x20-\x7e]/g, '');
      if (body !== undefined) headers['content-type'] = rng.chance(0.9) ? 'application/json' : 'text/plain';
      const method = rng.chance(0.9) ? template.method : rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      const response = await fetch(`${t.url}${mutatePath(rng, template.path)}`, { method, headers, ...(body === undefined ? {} : { body }) });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (response.status === 204) {
        expect(`${method} ${text}`).toBe('DELETE '); // DELETE /v1/webhook, nothing else answers 204
        continue;
      }
      const where = `request ${String(i)} (FUZZ_SEED=${String(SEED)}): ${method} ${template.path} → ${String(response.status)} ${text.slice(0, 200)}`;
      expect(response.status, where).toBeLessThan(500);
      const json: unknown = JSON.parse(text);
      const fits = response.status >= 400 ? errorBodySchema.safeParse(json).success : [checkoutSchema, checkoutListSchema, webhookCreatedSchema, webhookSchema].some((schema) => schema.safeParse(json).success);
      expect(fits, where).toBe(true);
    }
    // Both kinds were reached: requests made it past the checks, and refusals were answered.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect((await fetch(`${t.url}/v1/checkouts`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });
});
