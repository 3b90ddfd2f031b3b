import type { MethodId } from '../../../app/payment/method';
import type { PosOffer } from '../../../app/pos-api/pos-offer';
import type { CheckoutRecord } from './checkout-store';
import { refuse, type PosError, type PosOutcome } from './pos-errors';

/*
 * A request sent with "method": "cashier_chooses". It waits its turn in the queue like any other;
 * when the counter is free it is offered to the cashier instead of started, and the counter stays
 * taken (others queue or are refused) until the cashier picks a method or declines it.
 */

export interface OfferSlot {
  /** The checkout offered to the cashier now, or null. */
  current(): string | null;
  offer(record: CheckoutRecord): void;
  /** Ends the offer (chosen, declined, or cancelled by the till); the next request may go. */
  clear(): void;
  view(record: CheckoutRecord | undefined): PosOffer | null;
}

/** `announce` tells the screens (the terminal's `posOffer` event). */
export function createOfferSlot(announce: (offer: PosOffer | null) => void): OfferSlot {
  let current: string | null = null;
  const view = (record: CheckoutRecord | undefined): PosOffer | null =>
    record === undefined
      ? null
      : { checkoutId: record.id, client: record.view.client, amount: record.view.amount, reference: record.view.reference, description: record.view.description };
  return {
    current: () => current,
    offer: (record) => {
      current = record.id;
      announce(view(record));
    },
    clear: () => {
      if (current === null) return;
      current = null;
      announce(null);
    },
    view,
  };
}

export interface OfferActions {
  readonly slot: OfferSlot;
  readonly get: (id: string) => CheckoutRecord | undefined;
  /** Why this method cannot take the request (not set up, currency, amount), or null. */
  readonly methodRefusal: (method: MethodId, record: CheckoutRecord) => PosError | null;
  /** Starts the request as the sale on the counter with the method now named. */
  readonly begin: (record: CheckoutRecord) => Promise<PosOutcome>;
  /** Withdraws it (the till reads cancelled) and lets the next request go. */
  readonly withdraw: (record: CheckoutRecord) => void;
}

const notOffered = (id: string) => refuse(409, 'not_offered', `Checkout ${id} is not waiting for the cashier's choice (it may have been cancelled by the till)`);

/** The cashier picks the method: the sale starts with it, exactly as a keyed one. A refused method leaves the offer standing. */
export function takeOffer(actions: OfferActions, id: string, method: MethodId): Promise<PosOutcome> {
  const record = actions.get(id);
  if (actions.slot.current() !== id || record === undefined) return Promise.resolve(notOffered(id));
  const refused = actions.methodRefusal(method, record);
  if (refused !== null) return Promise.resolve({ ok: false, error: refused });
  actions.slot.clear();
  return actions.begin({ ...record, view: { ...record.view, method } });
}

/** The cashier declines it: it never reaches a customer, and the till reads cancelled. */
export function declineOffer(actions: OfferActions, id: string): PosOutcome<null> {
  const record = actions.get(id);
  if (actions.slot.current() !== id || record === undefined) return notOffered(id);
  actions.slot.clear();
  actions.withdraw(record);
  return { ok: true, value: { status: 200, body: null } };
}
