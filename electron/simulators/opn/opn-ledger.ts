import { z } from 'zod';
import { err, ok, type Result } from '../../../app/util/result';
import { opnId, opnTime, type OpnCharge, type OpnList, type OpnRefund } from './opn-charge';
import { failureMessage, OPN_MAX_REFUNDS_PER_CHARGE, OPN_SIM_METHODS } from './opn-sim-methods';

/** An answer Opn gives as an error object, with its HTTP status. */
export interface OpnProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export const problem = (status: number, code: string, message: string): OpnProblem => ({ status, code, message });

export type OpnSettlement = 'paid' | 'failed' | 'expired';

/** Opn's list orders. */
const OPN_ORDERS = ['chronological', 'reverse_chronological'] as const;

const listQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(OPN_ORDERS).default('chronological'),
});

/** A pending charge as Opn shows it once it ran out (or was expired through the API) at `at`. */
const expiredCharge = (c: OpnCharge, at: number): OpnCharge => ({
  ...c,
  status: 'expired',
  expired: true,
  expired_at: opnTime(at),
  failure_code: 'payment_expired',
  failure_message: failureMessage('payment_expired'),
  source: { ...c.source, charge_status: 'expired' },
});

const paidCharge = (c: OpnCharge, at: number): OpnCharge => ({
  ...c, status: 'successful', paid: true, paid_at: opnTime(at), authorized: true, disputable: true,
  transaction: opnId('trxn'), source: { ...c.source, charge_status: 'successful' },
});

/** A failed charge: any code may come (Opn's list is open), with Opn's message where a source gives one. */
const failedCharge = (c: OpnCharge, failureCode: string): OpnCharge => ({
  ...c, status: 'failed', failure_code: failureCode, failure_message: failureMessage(failureCode),
  source: { ...c.source, charge_status: 'failed' },
});

/**
 * Why charge `c` cannot be refunded at `now`, or null when it can: Opn's requirements [doc:
 * refunding-charges] (paid, not fully refunded, at most 15 refunds, within the window) and the
 * method's own rule (PromptPay none through Opn, Atome QR 60 days).
 */
function refundBlocked(c: OpnCharge, now: number): string | null {
  const rule = OPN_SIM_METHODS[c.source.type].refunds;
  if (rule === null) return `refund failed: ${OPN_SIM_METHODS[c.source.type].name} charges cannot be voided or refunded through Opn`;
  if (c.status !== 'successful' || c.paid_at === null) return `refund failed: charge is ${c.status}`;
  if (now - Date.parse(c.paid_at) > rule.windowMs) return rule.tooLate;
  if (c.refunds.total >= OPN_MAX_REFUNDS_PER_CHARGE) return `refund failed: a charge can be refunded at most ${OPN_MAX_REFUNDS_PER_CHARGE} times`;
  return null;
}

/** Whether the charge says it can be refunded: nothing blocks a refund and some of it is left. */
const isRefundable = (c: OpnCharge, now: number): boolean => refundBlocked(c, now) === null && c.refunded_amount < c.amount;

/** Why a refund of `amountText` from charge `c` is refused at time `now`, or the amount it may take. */
function refundAmount(c: OpnCharge, amountText: string | null, now: number): Result<number, OpnProblem> {
  if (amountText === null || !/^\d{1,12}$/.test(amountText) || Number(amountText) === 0) {
    return err(problem(400, 'bad_request', 'amount must be an integer greater than 0'));
  }
  const amount = Number(amountText);
  const blocked = refundBlocked(c, now);
  if (blocked !== null) return err(problem(400, 'failed_refund', blocked));
  const left = c.amount - c.refunded_amount;
  if (amount > left) return err(problem(400, 'failed_refund', `refund failed: amount exceeds the ${left} left to refund`));
  return ok(amount);
}

/** The refund object Opn answers, and the charge with it added to its refunds. */
function refunded(c: OpnCharge, amount: number, now: number): { readonly refund: OpnRefund; readonly charge: OpnCharge } {
  const at = opnTime(now);
  const rfnd = opnId('rfnd');
  const r: OpnRefund = {
    object: 'refund', id: rfnd, location: `/charges/${c.id}/refunds/${rfnd}`, amount, currency: c.currency, charge: c.id,
    transaction: opnId('trxn'), created_at: at, voided: false, status: 'closed', funding_amount: amount,
    funding_currency: c.currency, metadata: {},
  };
  const charge: OpnCharge = {
    ...c,
    refunded_amount: c.refunded_amount + amount,
    refunds: { ...c.refunds, data: [...c.refunds.data, r], total: c.refunds.total + 1, to: at },
  };
  return { refund: r, charge };
}

/**
 * `GET /charges`: filtered by created_at, ordered, paged; bad parameters are Opn's invalid_filter.
 * `charges` is read only once the parameters are good, since reading it expires what fell due.
 */
function listPage(params: Readonly<Record<string, string>>, now: number, charges: () => OpnCharge[]): Result<OpnList<OpnCharge>, OpnProblem> {
  const parsed = listQuerySchema.safeParse(params);
  if (!parsed.success) {
    return err(problem(400, 'invalid_filter', parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')));
  }
  const q = parsed.data;
  const from = q.from ?? '1970-01-01T00:00:00Z';
  const to = q.to ?? opnTime(now);
  // Map order is creation order, which breaks ties between charges made in the same second.
  const matching = charges().filter((c) => Date.parse(c.created_at) >= Date.parse(from) && Date.parse(c.created_at) <= Date.parse(to));
  if (q.order === 'reverse_chronological') matching.reverse();
  return ok({
    object: 'list', data: matching.slice(q.offset, q.offset + q.limit), limit: q.limit, offset: q.offset, total: matching.length,
    location: '/charges', order: q.order, from, to,
  });
}

/**
 * The simulator's charges and the rules Opn applies to them: statuses move only from pending, a
 * pending charge expires by itself at `expires_at`, refunds follow the method's rule and Opn's caps,
 * and `refundable` says at each read whether one would be taken.
 */
export function createOpnLedger(now: () => number) {
  const charges = new Map<string, OpnCharge>();

  const put = (charge: OpnCharge): OpnCharge => {
    charges.set(charge.id, charge);
    return charge;
  };

  /** Expiry is honoured lazily, whenever a charge is looked at, at the time it fell due; `refundable` is as of now. */
  const current = (c: OpnCharge): OpnCharge => {
    const due = Date.parse(c.expires_at);
    const settled = c.status === 'pending' && due <= now() ? put(expiredCharge(c, due)) : c;
    const refundable = isRefundable(settled, now());
    return settled.refundable === refundable ? settled : put({ ...settled, refundable });
  };

  const get = (id: string): OpnCharge | undefined => {
    const found = charges.get(id);
    return found === undefined ? undefined : current(found);
  };

  const settle = (id: string, outcome: OpnSettlement, failureCode = 'payment_rejected'): Result<OpnCharge, string> => {
    const c = get(id);
    if (c === undefined) return err(`Opn has no charge ${id}`);
    if (c.status !== 'pending') return err(`Charge ${id} is already ${c.status}`);
    const at = now();
    switch (outcome) {
      case 'paid':
        return ok(current(put(paidCharge(c, at))));
      case 'failed':
        return ok(put(failedCharge(c, failureCode)));
      case 'expired':
        return ok(put(expiredCharge(c, at)));
    }
  };

  /** The Expire API: only a pending charge can be expired. */
  const expire = (id: string): Result<OpnCharge, OpnProblem> => {
    const c = get(id);
    if (c === undefined) return err(problem(404, 'not_found', `charge ${id} was not found`));
    if (c.status !== 'pending') return err(problem(400, 'failed_expire', `expire failed: charge is ${c.status}`));
    return ok(put(expiredCharge(c, now())));
  };

  const refund = (id: string, amountText: string | null): Result<OpnRefund, OpnProblem> => {
    const c = get(id);
    if (c === undefined) return err(problem(404, 'not_found', `charge ${id} was not found`));
    const amount = refundAmount(c, amountText, now());
    if (!amount.ok) return amount;
    const done = refunded(c, amount.value, now());
    current(put(done.charge));
    return ok(done.refund);
  };

  const list = (params: Readonly<Record<string, string>>): Result<OpnList<OpnCharge>, OpnProblem> =>
    listPage(params, now(), () => [...charges.values()].map(current));

  return { put, get, settle, expire, refund, list, all: () => [...charges.values()].map(current) };
}

export type OpnLedger = ReturnType<typeof createOpnLedger>;
