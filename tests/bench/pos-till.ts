import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { checkoutSchema, type Checkout, type CheckoutStatus } from '../../app/pos-api/checkout-schemas';
import { createPosClient } from '../../tools/pos-client/client';
import { SELECTORS, type WebCounter } from './web-counter';

/** One till of the POS rows: its key, and calls to the POS API as the till makes them (plain fetch, as docs/pos-api.md shows with curl). */
export interface Till {
  readonly key: string;
  create(body: Record<string, unknown>): Promise<Checkout>;
  get(id: string): Promise<Checkout>;
  cancel(id: string): Promise<Checkout>;
}

async function answer(response: Response, expected: number, what: string): Promise<Checkout> {
  const body: unknown = await response.json();
  if (response.status !== expected) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  const parsed = checkoutSchema.safeParse(body);
  if (!parsed.success) throw new Error(`${what}: the answer is not a checkout: ${parsed.error.message.slice(0, 300)}`);
  return parsed.data;
}

/**
 * As a well-behaved till does: a 429 is waited out for its Retry-After (at most 2 s, 5 times) and
 * asked again. Only for requests outside a timed span; the timed ones are paced below the limit.
 */
async function politely(send: () => Promise<Response>): Promise<Response> {
  for (let tries = 0; ; tries++) {
    const response = await send();
    if (response.status !== 429 || tries >= 5) return response;
    await response.body?.cancel();
    await sleep(Math.min(2000, 1000 * Number(response.headers.get('retry-after') ?? '1')));
  }
}

/** A new POS key with the charge scope only (a till that follows its own checkouts), made as the Settings panel makes it, and a till that uses it. */
export async function newTill(counter: WebCounter, api: string, name: string): Promise<Till> {
  const { key } = await counter.call<{ key: string }>('createPosClient', { name, scopes: ['charge'] });
  const auth = { authorization: `Bearer ${key}` };
  return {
    key,
    create: async (body) =>
      answer(
        await fetch(`${api}/v1/checkouts`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ whenBusy: 'reject', ...body }),
        }),
        201,
        'create',
      ),
    get: async (id) => answer(await politely(() => fetch(`${api}/v1/checkouts/${id}`, { headers: auth })), 200, 'get'),
    cancel: async (id) => answer(await politely(() => fetch(`${api}/v1/checkouts/${id}/cancel`, { method: 'POST', headers: auth })), 200, 'cancel'),
  };
}

/** A till's sale of SGD 10.00 to 99.99, as display-bench's keyed sales are. */
export const posSale = (till: Till, i: number, method: string): Promise<Checkout> =>
  till.create({ amount: { minor: 1000 + (i % 9000), currency: 'SGD' }, method, reference: `BENCH-${i}` });

/** Ends a till's sale on the counter: cancelled by the till if still open, then cleared by the cashier; waits for the display to go idle. */
export async function endPosSale(counter: WebCounter, till: Till, checkout: Checkout, cancel: boolean): Promise<void> {
  if (cancel) {
    const cancelled = await till.cancel(checkout.id);
    if (cancelled.status !== 'cancelled') throw new Error(`the till's cancel left the checkout ${cancelled.status}`);
  }
  if (checkout.provider.paymentId === null) throw new Error('the checkout has no payment on the counter');
  await counter.call('dismiss', { paymentId: checkout.provider.paymentId });
  await counter.waitDisplay(SELECTORS.idle);
}

export interface EventWatch {
  /** Resolves to `performance.now()` when the stream carries checkout `id` at `status`. */
  arrival(id: string, status: CheckoutStatus): Promise<number>;
  close(): void;
}

/** A till's GET /v1/events stream, read with the reference client (tools/pos-client), noting when each checkout's change arrives. */
export function watchEvents(api: string, key: string): EventWatch {
  const abort = new AbortController();
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const client = createPosClient({ baseUrl: api, key });
  const reading = (async () => {
    for await (const event of client.events({ signal: abort.signal })) {
      const at = performance.now();
      const checkout = checkoutSchema.safeParse(event.data);
      if (event.type !== 'checkout.updated' || !checkout.success) continue;
      const name = `${checkout.data.id} ${checkout.data.status}`;
      seen.set(name, at);
      waiting.get(name)?.(at);
      waiting.delete(name);
    }
  })();
  reading.catch(() => undefined);
  return {
    arrival(id, status) {
      const name = `${id} ${status}`;
      const at = seen.get(name);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${status} event for ${id} within 15 s`)), 15_000);
        waiting.set(name, (t) => (clearTimeout(timer), resolve(t)));
        void reading.then(() => reject(new Error('the event stream ended')), (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
      });
    },
    close: () => abort.abort(),
  };
}
