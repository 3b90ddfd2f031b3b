import type { EngineError } from '../../../app/engine/payment-engine';
import { moneyArrived } from '../../../app/payment/money-back';
import type { Checkout, CheckoutStatus, CreateRefund, ListQuery } from '../../../app/pos-api/checkout-schemas';
import { posOperator } from '../../../app/pos-api/pos-operator';
import { withRefundReceipt } from '../providers/refund-receipts';
import { withdraw, type CheckoutDesk, type DeskDeps } from './checkout-desk';
import type { CheckoutRecord } from './checkout-store';
import { answer, notFound, refuse, type PosOutcome } from './pos-errors';
import type { PosClient } from './pos-keys';

export interface ActionDeps extends DeskDeps {
  readonly desk: CheckoutDesk;
  /** The shop's standing approval of refunds from a POS (settings posApi.allowRefunds). */
  readonly allowRefunds: () => boolean;
}

/**
 * Which checkouts a key sees: its own client's; a key with the read scope sees every client's (a back
 * office that reconciles all tills). Another client's checkout is "not found", never "forbidden", so
 * a key learns nothing about ids it was not given.
 */
export const canSee = (client: PosClient, record: CheckoutRecord): boolean => record.clientId === client.id || client.scopes.has('read');

/** Reading, cancelling and refunding checkouts. */
export function checkoutActions(deps: ActionDeps) {
  const { store, desk } = deps;
  const visible = (client: PosClient, id: string): CheckoutRecord | null => {
    const record = store.get(id);
    return record !== undefined && canSee(client, record) ? record : null;
  };
  /** Refunds in flight by key, so a retry waits for the first rather than refunding twice. */
  const refunding = new Map<string, Promise<PosOutcome>>();

  return {
    get: (client: PosClient, id: string): PosOutcome => {
      const record = visible(client, id);
      return record === null ? notFound(id) : answer(200, desk.refresh(record));
    },
    list: (client: PosClient, query: ListQuery): PosOutcome<{ readonly checkouts: readonly Checkout[]; readonly nextCursor: string | null }> => {
      const after = query.cursor === undefined ? undefined : readCursor(query.cursor);
      if (after === null) return refuse(400, 'invalid_cursor', 'cursor must be the nextCursor of an earlier page, unchanged');
      const rows = store.list({
        clientId: client.scopes.has('read') ? null : client.id,
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.from === undefined ? {} : { from: Date.parse(query.from) }),
        ...(query.to === undefined ? {} : { to: Date.parse(query.to) }),
        ...(after === undefined ? {} : { after }),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor = rows.length > query.limit && last !== undefined ? writeCursor(Date.parse(last.view.createdAt), last.id) : null;
      return answer(200, { checkouts: page.map((r) => desk.refresh(r)), nextCursor });
    },
    cancel: (client: PosClient, id: string): Promise<PosOutcome> => {
      const record = visible(client, id);
      if (record === null) return Promise.resolve(notFound(id));
      if (!client.scopes.has('charge')) return Promise.resolve(refuse(403, 'scope_missing', 'This key has no charge scope, which cancelling a checkout needs'));
      return cancelCheckout(deps, record);
    },
    refund: (client: PosClient, id: string, key: string, bodyHash: string, body: CreateRefund): Promise<PosOutcome> => {
      const record = visible(client, id);
      if (record === null) return Promise.resolve(notFound(id));
      if (!client.scopes.has('refund')) return Promise.resolve(refuse(403, 'scope_missing', 'This key has no refund scope: create a key with the refund scope in Settings → POS API'));
      if (!deps.allowRefunds()) {
        return Promise.resolve(
          refuse(403, 'approval_required', "Refunds from a POS need the shop's approval: a manager can allow them in Settings → POS API, or refund this sale on the cashier screen"),
        );
      }
      return onceByKey({ store, desk, refunding }, { client, record, scoped: `refund:${key}`, bodyHash }, () => refundPayment(deps, client, record, body));
    },
  };
}

/**
 * A refund moves money, so a retry must never refund twice: the key is recorded before the refund is
 * asked, a retry waits for the first and answers the checkout as it is after it, and a refund that
 * did not happen frees the key.
 */
function onceByKey(
  ctx: { readonly store: ActionDeps['store']; readonly desk: CheckoutDesk; readonly refunding: Map<string, Promise<PosOutcome>> },
  call: { readonly client: PosClient; readonly record: CheckoutRecord; readonly scoped: string; readonly bodyHash: string },
  act: () => Promise<PosOutcome>,
): Promise<PosOutcome> {
  const { store, desk, refunding } = ctx;
  const { client, record, scoped, bodyHash } = call;
  const running = `${client.id}:${scoped}`;
  const earlier = store.idempotency(client.id, scoped);
  if (earlier !== undefined) {
    if (earlier.bodyHash !== bodyHash || earlier.checkoutId !== record.id) {
      return Promise.resolve(refuse(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for another refund: use a new key for a new refund'));
    }
    const first = refunding.get(running) ?? Promise.resolve(answer(200, desk.refresh(record)));
    return first.then((outcome) => (outcome.ok ? answer(200, desk.refresh(store.get(record.id) ?? record), { 'idempotent-replayed': 'true' }) : outcome));
  }
  store.insertKey(client.id, scoped, bodyHash, record.id);
  const work = act()
    .then((outcome) => {
      if (!outcome.ok) store.removeKey(client.id, scoped);
      return outcome;
    })
    .finally(() => refunding.delete(running));
  refunding.set(running, work);
  return work;
}

/** A queued request is withdrawn; a started sale is cancelled through the engine, never as "not paid" once money arrived. */
async function cancelCheckout(deps: ActionDeps, record: CheckoutRecord): Promise<PosOutcome> {
  const { store, desk } = deps;
  if (record.phase === 'queued') {
    const view = withdraw(deps, record);
    desk.withdrawn(record.id);
    for (const waiting of store.queued()) desk.refresh(waiting);
    return answer(200, view);
  }
  const { engine } = deps.counter();
  const payment = record.paymentId === null ? undefined : engine.get(record.paymentId);
  if (payment === undefined) return settled(desk.refresh(record));
  const money = moneyArrived(payment);
  if (money !== null) return moneyRefusal(desk.refresh(record));
  const result = await engine.cancel(payment.id);
  const view = desk.refresh(store.get(record.id) ?? record);
  if (!result.ok) return result.error.said?.kind === 'still_being_created' ? refuse(409, 'not_cancellable_yet', 'The payment is still being created at the provider: cancel again once its QR shows') : settled(view, result.error);
  return view.status === 'partly_paid' || view.status === 'needs_attention' ? moneyRefusal(view) : settled(view);
}

/** A refund through the engine, audited with the POS client as the one who asked. */
async function refundPayment(deps: ActionDeps, client: PosClient, record: CheckoutRecord, body: CreateRefund): Promise<PosOutcome> {
  const { engine, audit } = deps.counter();
  if (record.paymentId === null || engine.get(record.paymentId) === undefined) return refuse(409, 'not_refundable', 'This checkout was never paid on this terminal, so there is nothing to refund');
  const paymentId = record.paymentId;
  const { value: result, refundId } = await withRefundReceipt(() => engine.refund(paymentId, body.amount));
  if (result.ok || refundId !== null) {
    const detail = { amountMinor: body.amount.minor, currency: body.amount.currency, refundId, reason: body.reason, ...(result.ok ? { refundedTotalMinor: result.value.refundedMinor } : {}) };
    audit({ action: 'refund', paymentId, operator: posOperator({ id: client.id, name: client.name }), approvedBy: null, detail });
  }
  const view = deps.desk.refresh(deps.store.get(record.id) ?? record);
  if (!result.ok) return engineRefusal(result.error);
  return answer(200, view);
}

/** A cancel that found the checkout ended: cancelled (again) is fine; anything else says what it is. */
function settled(view: Checkout, error?: EngineError): PosOutcome {
  if (view.status === 'cancelled') return answer(200, view);
  const ended: readonly CheckoutStatus[] = ['paid', 'failed', 'expired'];
  if (ended.includes(view.status)) return refuse(409, 'already_final', `Checkout ${view.id} is already ${view.status.replace(/_/g, ' ')}: it cannot be cancelled`);
  if (view.status === 'partly_paid' || view.status === 'needs_attention') return moneyRefusal(view);
  return error === undefined ? answer(200, view) : refuse(502, 'cancel_failed', error.message);
}

/** Money arrived: the POS cannot cancel it as not paid; the cashier decides on the counter. */
const moneyRefusal = (view: Checkout): PosOutcome =>
  refuse(409, 'money_received', `${view.attention ?? 'Money has arrived on this sale.'} It is not cancelled: the cashier decides on the terminal whether to give the money back`);

function engineRefusal(error: EngineError): PosOutcome {
  switch (error.code) {
    case 'amount_rejected':
      return refuse(422, 'amount_rejected', error.message);
    case 'not_found':
      return refuse(404, 'checkout_not_found', error.message);
    case 'provider_error':
      return refuse(502, 'provider_error', error.message);
    case 'invalid_state':
      return refuse(409, 'not_refundable', error.message);
  }
}

const writeCursor = (createdAt: number, id: string): string => Buffer.from(`${String(createdAt)}.${id}`, 'utf8').toString('base64url');
function readCursor(cursor: string): { readonly createdAt: number; readonly id: string } | null {
  const match = /^(\d{1,15})\.(co_[0-9a-f]{24})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match === null ? null : { createdAt: Number(match[1]), id: match[2] ?? '' };
}
