import { randomBytes } from 'node:crypto';
import type { EngineError, PaymentEngine } from '../../../app/engine/payment-engine';
import { formatMoney, type Money } from '../../../app/money/money';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { Checkout, CheckoutMethod, CreateCheckout } from '../../../app/pos-api/checkout-schemas';
import type { PosOffer } from '../../../app/pos-api/pos-offer';
import { checkoutView, type CheckoutProgress, type CheckoutRequest } from '../../../app/pos-api/checkout-view';
import { posOperator, requestedBy } from '../../../app/pos-api/pos-operator';
import type { PaymentProvider } from '../../../app/providers/provider';
import type { AuditWriter } from '../journal/audit-writer';
import type { Logger } from '../logging/logger';
import type { CheckoutRecord, CheckoutStore } from './checkout-store';
import { createOfferSlot, declineOffer, takeOffer, type OfferActions } from './checkout-offer';
import { answer, refuse, type PosError, type PosOutcome } from './pos-errors';
import type { PosClient } from './pos-keys';
import { sameJson } from '../../../app/util/same-json';

/** Where the events helper's log plugs in: each change of a checkout, as the API reports it. */
export interface PosEventSink {
  publish(type: 'checkout.updated', data: Checkout): void;
}
export const NO_EVENTS: PosEventSink = { publish: () => undefined };

/** What the desk needs of the counter in force (electron/service/terminal/counter.ts). */
export interface DeskCounter {
  readonly engine: PaymentEngine;
  readonly providers: ReadonlyMap<MethodId, PaymentProvider>;
  readonly audit: AuditWriter;
  saleInProgress(): Payment | null;
}

export interface DeskDeps {
  readonly store: CheckoutStore;
  readonly counter: () => DeskCounter;
  readonly locale: () => string;
  readonly sink: PosEventSink;
  readonly now: () => number;
  readonly log: Logger;
  /** Requests held while the counter is busy, at most; more are refused with queue_full. */
  readonly maxQueue?: number;
  /** Tells the screens of the request waiting for the cashier's choice of method (null: none now). */
  readonly announceOffer?: (offer: PosOffer | null) => void;
}

export const DEFAULT_MAX_QUEUE = 10;

/**
 * The checkouts' life on the terminal's side: a request becomes a sale on the counter through the
 * same engine as a keyed one (so the customer display, the pole display and the printer follow it),
 * waits its turn when asked to, and is reported from its payment after every change.
 */
export function createCheckoutDesk(deps: DeskDeps) {
  const { store } = deps;
  /** Creates still in flight, so a retry with the same key waits for the same answer rather than racing it. */
  const inflight = new Map<string, Promise<PosOutcome>>();
  const views = checkoutViews(deps);
  const slot = createOfferSlot(deps.announceOffer ?? (() => undefined));
  const begin = (record: CheckoutRecord, client: { readonly id: string; readonly name: string }): Promise<PosOutcome> => {
    const work = startSale(deps, views, record, client).finally(() => inflight.delete(record.id));
    inflight.set(record.id, work);
    void work.then(() => pump());
    return work;
  };

  /** Starts the next queued request once the counter is free, or offers it to the cashier when the cashier is to choose its method. */
  const pump = (): void => {
    if (deps.counter().saleInProgress() !== null || inflight.size > 0 || slot.current() !== null) return;
    const next = store.queued()[0];
    if (next === undefined) return;
    if (next.view.method === 'cashier_chooses') return slot.offer(next);
    void begin(next, { id: next.clientId, name: next.view.client });
    for (const waiting of store.queued()) views.refresh(waiting);
  };
  const offers: OfferActions = {
    slot,
    get: (id) => store.get(id),
    methodRefusal: (method, record) => methodRefusal(deps, method, record.view.amount),
    begin: (record) => {
      // The method the cashier chose is the checkout's from now on.
      store.update(record.id, { view: record.view });
      return begin(record, { id: record.clientId, name: record.view.client });
    },
    withdraw: (record) => withdraw(deps, record),
  };

  return {
    refresh: views.refresh,
    pump,
    /** The request waiting for the cashier's choice, as the cashier screen shows it. */
    offer: (): PosOffer | null => slot.view(store.get(slot.current() ?? '')),
    take: (id: string, method: MethodId): Promise<PosOutcome> => takeOffer(offers, id, method),
    decline: (id: string): PosOutcome<null> => {
      const declined = declineOffer(offers, id);
      pump();
      return declined;
    },
    /** A queued checkout the till withdrew: if it was offered to the cashier, the offer ends and the next may go. */
    withdrawn: (id: string): void => {
      if (slot.current() !== id) return;
      slot.clear();
      pump();
    },
    /** Every change of a sale: its checkout follows, and the counter may be free for the next request. */
    paymentChanged: (payment: Payment): void => {
      const record = store.byPayment(payment.id);
      if (record !== undefined) views.refresh(record, { phase: 'started', payment });
      pump();
    },
    create: (client: PosClient, key: string, bodyHash: string, body: CreateCheckout): Promise<PosOutcome> => {
      const earlier = store.idempotency(client.id, key);
      if (earlier !== undefined) return replay(deps, views, inflight, earlier, bodyHash);
      const refused = refusal(body, deps, store.queued().length + inflight.size);
      if (refused !== null) return Promise.resolve({ ok: false, error: refused });
      // The cashier's choice is always offered through the queue, even on a free counter.
      const busy = deps.counter().saleInProgress() !== null || inflight.size > 0 || store.queued().length > 0 || body.method === 'cashier_chooses';
      const now = deps.now();
      const request: CheckoutRequest = { id: `co_${randomBytes(12).toString('hex')}`, client: client.name, amount: body.amount, method: body.method, reference: body.reference, description: body.description ?? null, createdAt: now };
      const progress: CheckoutProgress = busy ? { phase: 'queued', position: store.queued().length + 1, at: now } : { phase: 'starting', at: now };
      const view = checkoutView(request, progress, views.providerName(body.method), deps.locale());
      const record: CheckoutRecord = { id: request.id, clientId: client.id, phase: busy ? 'queued' : 'started', paymentId: null, whenBusy: body.whenBusy, view };
      store.insert(record, key, bodyHash);
      if (!busy) return begin(record, client);
      deps.sink.publish('checkout.updated', record.view);
      pump();
      return Promise.resolve(answer(202, record.view));
    },
  };
}

type Views = ReturnType<typeof checkoutViews>;

/** A checkout's view from its record and its sale: saved, and published when it changed. */
function checkoutViews(deps: DeskDeps) {
  const { store } = deps;
  const providerName = (method: CheckoutMethod): string =>
    method === 'cashier_chooses' ? 'not chosen yet' : (deps.counter().providers.get(method)?.method.provider ?? method);
  const progressOf = (record: CheckoutRecord): CheckoutProgress | null => {
    if (record.phase === 'queued') {
      const position = store.queued().findIndex((r) => r.id === record.id) + 1;
      return { phase: 'queued', position: Math.max(1, position), at: Date.parse(record.view.updatedAt) };
    }
    if (record.paymentId === null) return null;
    // Not in this journal (the mode changed since): the last view stands.
    const payment = deps.counter().engine.get(record.paymentId);
    return payment === undefined ? null : { phase: 'started', payment };
  };
  const refresh = (record: CheckoutRecord, progress?: CheckoutProgress): Checkout => {
    const now = progress ?? progressOf(record);
    if (now === null) return record.view;
    const view = checkoutView(requestOf(record.view), now, providerName(record.view.method), deps.locale());
    // Key order aside: the stored view comes back in the schema's order (every read was a change before).
    if (!sameJson(view, record.view)) {
      store.update(record.id, { view });
      deps.sink.publish('checkout.updated', view);
    }
    return view;
  };
  return { providerName, refresh };
}

/** Withdraws a checkout that never started: the till reads cancelled, and it never reached a customer. */
export function withdraw(deps: DeskDeps, record: CheckoutRecord): Checkout {
  const view = checkoutView(requestOf(record.view), { phase: 'withdrawn', at: deps.now() }, record.view.provider.name);
  deps.store.update(record.id, { phase: 'withdrawn', view });
  deps.sink.publish('checkout.updated', view);
  return view;
}

/** What the POS asked for, read back from a checkout's view. */
export const requestOf = (view: Checkout): CheckoutRequest => ({
  id: view.id,
  client: view.client,
  amount: view.amount,
  method: view.method,
  reference: view.reference,
  description: view.description,
  createdAt: Date.parse(view.createdAt),
});

/** Hands the request to the engine, as the cashier's Charge would; the checkout is linked to its sale before the provider is asked. */
async function startSale(deps: DeskDeps, views: Views, record: CheckoutRecord, client: { readonly id: string; readonly name: string }): Promise<PosOutcome> {
  const { store } = deps;
  const { engine } = deps.counter();
  const before = engine.active()?.id;
  const view = record.view;
  if (view.method === 'cashier_chooses') throw new Error(`Checkout ${record.id} has no method yet`);
  const charging = engine.charge({ amount: view.amount, method: view.method, orderRef: view.reference, operator: posOperator(client) });
  // charge() records the sale (write-ahead) before its first await, so the new sale is already on the counter.
  const started = engine.active();
  if (started !== null && started.id !== before && started.state.status === 'creating') store.update(record.id, { phase: 'started', paymentId: started.id });
  const result = await charging;
  const saved = store.get(record.id) ?? record;
  if (!result.ok) {
    const error = chargeRefusal(result.error, deps.counter().saleInProgress(), deps.locale());
    // Answered at once (not queued): nothing happened, so the key is free to be used again.
    if (record.phase === 'started') {
      store.remove(record.id);
      return { ok: false, error };
    }
    const failed = checkoutView(requestOf(view), { phase: 'withdrawn', at: deps.now(), failure: { code: error.code, message: error.message } }, views.providerName(view.method));
    store.update(record.id, { phase: 'withdrawn', view: failed });
    deps.sink.publish('checkout.updated', failed);
    return { ok: false, error };
  }
  if (saved.paymentId === null) store.update(record.id, { phase: 'started', paymentId: result.value.id });
  return answer(201, views.refresh(store.get(record.id) ?? saved, { phase: 'started', payment: result.value }));
}

/** The same key again: the same body gets the same checkout (waiting for its create if still in flight); another body is refused. */
async function replay(
  deps: DeskDeps,
  views: Views,
  inflight: ReadonlyMap<string, Promise<PosOutcome>>,
  earlier: { readonly bodyHash: string; readonly checkoutId: string },
  bodyHash: string,
): Promise<PosOutcome> {
  if (earlier.bodyHash !== bodyHash) {
    return refuse(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body: use a new key for a new checkout, or resend the first body unchanged');
  }
  const running = inflight.get(earlier.checkoutId);
  if (running !== undefined) {
    const first = await running;
    if (!first.ok) return first;
  }
  const record = deps.store.get(earlier.checkoutId);
  if (record === undefined) return refuse(500, 'internal', 'The checkout this key made cannot be found; it has been logged');
  const view = views.refresh(record);
  return answer(record.phase === 'queued' ? 202 : 200, view, { 'idempotent-replayed': 'true' });
}

export type CheckoutDesk = ReturnType<typeof createCheckoutDesk>;

/** Why this method cannot take this amount on this terminal (not set up, currency, limits), or null. */
function methodRefusal(deps: DeskDeps, method: MethodId, amount: Money): PosError | null {
  const counter = deps.counter();
  const provider = counter.providers.get(method);
  if (provider === undefined) {
    const offered = [...counter.providers.keys()].join(', ');
    return { status: 422, code: 'method_not_available', message: `Payment method ${method} is not set up on this terminal; it offers ${offered === '' ? 'none' : offered}` };
  }
  if (!provider.method.currencies.includes(amount.currency)) {
    return { status: 422, code: 'currency_not_accepted', message: `${provider.method.label} does not accept ${amount.currency}; it accepts ${provider.method.currencies.join(', ')}` };
  }
  const limit = provider.checkAmount(amount);
  return limit.ok ? null : { status: 422, code: 'amount_rejected', message: limit.error.message };
}

/** For the cashier's choice: at least one method set up here must take the amount. */
function anyMethodRefusal(deps: DeskDeps, amount: Money): PosError | null {
  const methods = [...deps.counter().providers.keys()];
  if (methods.some((method) => methodRefusal(deps, method, amount) === null)) return null;
  return { status: 422, code: 'no_method_accepts', message: `No payment method set up on this terminal accepts ${formatMoney(amount, deps.locale())}` };
}

/** Why this request cannot become a sale now (the method, the amount, a busy counter), or null. */
function refusal(body: CreateCheckout, deps: DeskDeps, waiting: number): PosError | null {
  const counter = deps.counter();
  const unfit = body.method === 'cashier_chooses' ? anyMethodRefusal(deps, body.amount) : methodRefusal(deps, body.method, body.amount);
  if (unfit !== null) return unfit;
  const open = counter.saleInProgress();
  if (open === null && waiting === 0) return null;
  if (body.whenBusy === 'reject') return busyError(open, waiting, deps.locale());
  const max = deps.maxQueue ?? DEFAULT_MAX_QUEUE;
  if (waiting >= max) return { status: 409, code: 'queue_full', message: `The terminal already holds ${String(max)} requests waiting for the counter: try again once the counter frees` };
  return null;
}

function busyError(open: Payment | null, waiting: number, locale: string): PosError {
  if (open === null) return { status: 409, code: 'terminal_busy', message: `The terminal is busy: ${String(waiting)} request(s) are being started or waiting for the counter` };
  const by = requestedBy(open.operator);
  const who = by === null ? 'keyed at the counter' : `requested by ${by}`;
  return { status: 409, code: 'terminal_busy', message: `The terminal is busy with another sale: ${formatMoney(open.amount, locale)} by ${open.method}, ${who} (${open.state.status.replace(/_/g, ' ')})` };
}

/** The engine's refusal of a charge, in the API's codes. */
function chargeRefusal(error: EngineError, open: Payment | null, locale: string): PosError {
  if (error.said?.kind === 'payment_in_progress') return busyError(open, 0, locale);
  if (error.code === 'amount_rejected') return { status: 422, code: 'amount_rejected', message: error.message };
  return { status: 503, code: 'terminal_unavailable', message: error.message };
}
