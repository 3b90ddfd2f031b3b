import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckoutSchema, createRefundSchema, listQuerySchema } from '../../app/pos-api/checkout-schemas';
import { openApiText, posOpenApi } from '../../app/pos-api/openapi';
import { describeIssues } from '../../electron/service/pos-api/pos-request';
import { REPO_ROOT } from '../support/paths';

const ok = { amount: { minor: 1234, currency: 'SGD' }, method: 'atome', reference: 'A-1' };
const problem = (body: unknown): string => {
  const parsed = createCheckoutSchema.safeParse(body);
  if (parsed.success) throw new Error('expected a refusal');
  return describeIssues(parsed.error, body);
};

describe('the create-checkout body', () => {
  it('takes a plain request and refuses when busy unless told to queue', () => {
    expect(createCheckoutSchema.parse(ok)).toEqual({ ...ok, whenBusy: 'reject' });
    expect(createCheckoutSchema.parse({ ...ok, whenBusy: 'queue', description: ' Table 4 ' })).toMatchObject({ whenBusy: 'queue', description: 'Table 4' });
  });

  it.each([
    [{ ...ok, amount: { minor: -5, currency: 'SGD' } }, /amount\.minor must be more than zero/],
    [{ ...ok, amount: { minor: 12.5, currency: 'SGD' } }, /amount\.minor .*not a fraction/],
    [{ ...ok, amount: { minor: 0, currency: 'SGD' } }, /more than zero/],
    [{ ...ok, amount: { minor: '1234', currency: 'SGD' } }, /whole number of minor units/],
    [{ ...ok, amount: { minor: 1e20, currency: 'SGD' } }, /at most/],
    [{ ...ok, amount: { minor: 100, currency: 'XXX' } }, /amount\.currency must be a supported ISO 4217/],
    [{ ...ok, method: 'cash' }, /method must be one of/],
    [{ ...ok, reference: '' }, /reference must not be empty/],
    [{ ...ok, reference: 'x'.repeat(41) }, /at most 40/],
    [{ ...ok, reference: 'A\u0000B' }, /control characters/],
    [{ ...ok, reference: 'Café' }, /printable ASCII/],
    [{ ...ok, description: 'a\u202eb' }, /control characters/],
    [{ ...ok, tip: 100 }, /unknown field\(s\) tip/],
    [{ ...ok, amount: { minor: 100, currency: 'SGD', fx: 1 } }, /amount: unknown field\(s\) fx/],
    [{ ...ok, whenBusy: 'wait' }, /whenBusy must be "reject" or "queue"/],
    [{ amount: ok.amount, method: 'atome' }, /reference is required/],
    [[ok], /The request is not valid/],
    [null, /The request is not valid/],
  ])('refuses %j with a sentence naming the field', (body, sentence) => {
    expect(problem(body)).toMatch(sentence);
  });

  it('names a few problems at most, and never echoes a huge field name whole', () => {
    const hostile = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${'k'.repeat(500)}${String(i)}`, i]));
    const sentence = problem({ ...ok, ...hostile });
    expect(sentence.length).toBeLessThan(600);
  });
});

describe('the refund body and the list query', () => {
  it('needs an amount and a reason', () => {
    expect(createRefundSchema.safeParse({ amount: { minor: 100, currency: 'SGD' } }).success).toBe(false);
    expect(createRefundSchema.parse({ amount: { minor: 100, currency: 'SGD' }, reason: 'returned' })).toEqual({ amount: { minor: 100, currency: 'SGD' }, reason: 'returned' });
  });

  it('reads the query string: limit as a number within 1 to 100, times as ISO 8601', () => {
    expect(listQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(listQuerySchema.parse({ limit: '5', status: 'paid', from: '2026-12-07T00:00:00Z' })).toEqual({ limit: 5, status: 'paid', from: '2026-12-07T00:00:00Z' });
    for (const bad of [{ limit: '0' }, { limit: '101' }, { limit: '2.5' }, { limit: 'many' }, { status: 'done' }, { from: 'yesterday' }, { cursor: "' OR 1=1" }, { extra: '1' }]) {
      expect(listQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the OpenAPI document', () => {
  it('is committed as docs/pos-api.openapi.json exactly as the schemas generate it (run `npm run openapi` after changing them)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'pos-api.openapi.json'), 'utf8')).toBe(openApiText(posOpenApi()));
  });

  it('is OpenAPI 3.1 and every $ref in it resolves', () => {
    const document = posOpenApi();
    expect(document['openapi']).toBe('3.1.0');
    const text = JSON.stringify(document);
    const schemas = Object.keys((document['components'] as { schemas: Record<string, unknown> }).schemas);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(schemas).toContain(ref);
    // The request schema in the document is the one that checks requests: its fields and bounds.
    expect(text).toContain('"required":["amount","method","reference"]');
  });
});
