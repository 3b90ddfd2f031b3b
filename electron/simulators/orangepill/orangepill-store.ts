import { randomBytes, randomInt } from 'node:crypto';
import type { OrangepillCreateBody, OrangepillRelated, OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { asCurrency, wireAmountToMinor } from '../../../app/providers/orangepill/orangepill-body';
import { toDecimalString } from '../../../app/money/money';
import type { CurrencyCode } from '../../../app/money/currency';
import { err, ok, type Result } from '../../../app/util/result';

/** What the simulator's controls can make a payer (or the console) do to a request. */
export const ORANGEPILL_SIM_OUTCOMES = ['paid', 'partial', 'overpaid', 'late', 'failed', 'error', 'expired', 'refund'] as const;
export type OrangepillSimOutcome = (typeof ORANGEPILL_SIM_OUTCOMES)[number];

const OPEN = new Set(['CREATED', 'PENDING', 'PROCESSING', 'ACCEPTED']);
/** Open, or partly paid: money can still arrive, or the request can still be closed unpaid. */
const PAYABLE = new Set([...OPEN, 'INCOMPLETE']);
const PAID = new Set(['DONE', 'COMPLETED', 'OVERPAID', 'LATE']);

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Like the doc's "MljzDk8qxDsBkXW0wv3r": 20 alphanumerics. */
const newId = (): string => Array.from({ length: 20 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)] ?? 'A').join('');
/** Like the doc's transaction and owner ids: 24 hex digits. */
const objectId = (): string => randomBytes(12).toString('hex');

interface Entry {
  request: OrangepillRequest;
  readonly amountMinor: number | null;
  readonly currency: CurrencyCode | null;
}

export interface OrangepillStore {
  create(body: OrangepillCreateBody): OrangepillRequest;
  get(id: string): OrangepillRequest | undefined;
  all(): readonly OrangepillRequest[];
  count(): number;
  /** Sets any status, even one the doc does not list, as the console or a test would. */
  setStatus(id: string, status: string, error?: string | null): Result<OrangepillRequest, string>;
  apply(id: string, outcome: OrangepillSimOutcome): Result<OrangepillRequest, string>;
  /** DELETE: an open or partly paid request becomes CANCELLED; a settled one cannot be. */
  cancel(id: string): Result<OrangepillRequest, string>;
}

/**
 * The simulator's record of payment requests and the life each one leads. Every status change is
 * logged as the doc shows and reported through `onChange`, which sends the callback.
 */
export function createOrangepillStore(options: { readonly now: () => number; readonly owner: string; readonly onChange: (request: OrangepillRequest) => void }): OrangepillStore {
  const entries = new Map<string, Entry>();

  const change = (entry: Entry, status: string, patch: Partial<OrangepillRequest> = {}): OrangepillRequest => {
    const at = options.now();
    entry.request = { ...entry.request, ...patch, status, log: [...(entry.request.log ?? []), { status, created_at: at }] };
    options.onChange(entry.request);
    return entry.request;
  };

  const paidMinor = (entry: Entry): number => {
    const currency = entry.currency;
    if (currency === null) return 0;
    return (entry.request.related ?? []).reduce((sum, r) => sum + (r.amount === undefined ? 0 : (wireAmountToMinor(r.amount, currency) ?? 0)), 0);
  };

  /** A payment transaction arriving, recorded in `related` with its amount and asset (fields of the doc's transaction). */
  const pay = (entry: Entry, minor: number, status: string): OrangepillRequest => {
    const currency = entry.currency ?? 'USD';
    const transaction: OrangepillRelated = {
      type: 'transaction',
      value: objectId(),
      created_at: options.now(),
      amount: toDecimalString({ minor, currency }),
      asset: currency,
    };
    return change(entry, status, { related: [...(entry.request.related ?? []), transaction], error: null });
  };

  const apply = (id: string, outcome: OrangepillSimOutcome): Result<OrangepillRequest, string> => {
    const entry = entries.get(id);
    if (entry === undefined) return err(`Orangepill has no payment request ${id}`);
    const status = entry.request.status;
    const refuse = () => err(`Payment request ${id} is ${status}: it cannot be marked ${outcome}`);
    if (outcome === 'refund') {
      if (PAID.has(status)) return ok(change(entry, 'REFUND'));
      return status === 'REFUND' ? ok(change(entry, 'REFUNDED')) : refuse();
    }
    if (!PAYABLE.has(status)) return refuse();
    switch (outcome) {
      case 'failed':
        return ok(change(entry, 'FAILED', { error: 'The payer\u2019s wallet declined the payment' }));
      case 'error':
        return ok(change(entry, 'ERROR', { error: 'Orangepill could not process the payment' }));
      case 'expired':
        // The doc has no EXPIRED: a request left unpaid is withdrawn, which Orangepill shows as CANCELLED.
        return ok(change(entry, 'CANCELLED', { error: 'The payment request expired before it was paid' }));
      default:
        break;
    }
    if (entry.amountMinor === null) return err(`Payment request ${id} is static (no amount): pay it with an amount in the wallet`);
    const remaining = entry.amountMinor - paidMinor(entry);
    switch (outcome) {
      case 'paid':
        return ok(pay(entry, remaining, 'DONE'));
      case 'late':
        return ok(pay(entry, remaining, 'LATE'));
      case 'overpaid':
        return ok(pay(entry, remaining + Math.max(1, Math.round(entry.amountMinor / 10)), 'OVERPAID'));
      case 'partial': {
        const half = Math.floor(remaining / 2);
        return half < 1 ? err(`Payment request ${id} has too little left to pay in part`) : ok(pay(entry, half, 'INCOMPLETE'));
      }
    }
  };

  return {
    create(body) {
      const at = options.now();
      const currency = asCurrency(body.asset);
      const amountMinor = body.amount === undefined || currency === null ? null : wireAmountToMinor(body.amount, currency);
      const request: OrangepillRequest = {
        id: newId(),
        ...body,
        status: 'CREATED',
        owner: options.owner,
        created_at: at,
        error: null,
        log: [{ status: 'CREATED', created_at: at }],
        related: [],
      };
      entries.set(request.id, { request, amountMinor, currency });
      return request;
    },
    get: (id) => entries.get(id)?.request,
    all: () => [...entries.values()].map((e) => e.request),
    count: () => entries.size,
    setStatus(id, status, error = null) {
      const entry = entries.get(id);
      return entry === undefined ? err(`Orangepill has no payment request ${id}`) : ok(change(entry, status, { error }));
    },
    apply,
    cancel(id) {
      const entry = entries.get(id);
      if (entry === undefined) return err(`payment request ${id} not found`);
      if (!PAYABLE.has(entry.request.status)) return err(`payment request ${id} is ${entry.request.status} and cannot be cancelled`);
      return ok(change(entry, 'CANCELLED', { error: null }));
    },
  };
}
