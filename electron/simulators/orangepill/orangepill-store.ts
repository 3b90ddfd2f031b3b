import { randomBytes, randomInt } from 'node:crypto';
import type { OrangepillCreateBody, OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
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
  /** The request exactly as the doc shows one; what every default answer is made of. */
  request: OrangepillRequest;
  readonly amountMinor: number | null;
  readonly currency: CurrencyCode | null;
  /**
   * The simulator's own ledger of each payment transaction's amount, by transaction id. The doc's
   * request carries no amounts, so these reach an answer only through the extensions switch.
   */
  readonly paid: Map<string, number>;
  /** DELETE was called: kept here for tests, gone from the API (the doc defines no read of it). */
  deleted: boolean;
}

export interface OrangepillStore {
  create(body: OrangepillCreateBody): OrangepillRequest;
  /** The request as the API may show it: undefined once deleted, unless the extensions keep it readable. */
  get(id: string): OrangepillRequest | undefined;
  /** The simulator's whole record, deleted requests included (as CANCELLED), for tests and controls. */
  all(): readonly OrangepillRequest[];
  /** The requests the API lists: deleted ones only with the extensions. */
  listed(): readonly OrangepillRequest[];
  count(): number;
  isDeleted(id: string): boolean;
  /** Sets any status, even one the doc does not list, as the console or a test would. */
  setStatus(id: string, status: string, error?: string | null): Result<OrangepillRequest, string>;
  apply(id: string, outcome: OrangepillSimOutcome): Result<OrangepillRequest, string>;
  /**
   * DELETE. The doc: "To delete Payment Request use following call … In response we get id of deleted
   * Payment Request object." It names no status that cannot be deleted, so by default any request is
   * deleted. With the extensions, only an open or partly paid one, which then stays readable as CANCELLED.
   */
  remove(id: string): Result<string, string>;
}

export interface OrangepillStoreOptions {
  readonly now: () => number;
  readonly owner: string;
  readonly onChange: (request: OrangepillRequest) => void;
  /** Fields and behaviours beyond the doc (see OrangepillSimulatorOptions.extensions). */
  readonly extensions: boolean;
}

function change(options: OrangepillStoreOptions, entry: Entry, status: string, patch: Partial<OrangepillRequest> = {}): OrangepillRequest {
  const at = options.now();
  entry.request = { ...entry.request, ...patch, status, log: [...(entry.request.log ?? []), { status, created_at: at }] };
  options.onChange(entry.request);
  return entry.request;
}

const paidMinor = (entry: Entry): number => [...entry.paid.values()].reduce((sum, minor) => sum + minor, 0);

/** A payment transaction arriving: related gets the doc's `{type, value, created_at}` reference to it. */
function pay(options: OrangepillStoreOptions, entry: Entry, minor: number, status: string): OrangepillRequest {
  const value = objectId();
  entry.paid.set(value, minor);
  const reference = { type: 'transaction', value, created_at: options.now() };
  return change(options, entry, status, { related: [...(entry.request.related ?? []), reference], error: null });
}

/** The request as an answer shows it: the doc's fields, plus the amounts when the extensions are on. */
function shown(options: OrangepillStoreOptions, entry: Entry): OrangepillRequest {
  const currency = entry.currency;
  if (!options.extensions || currency === null) return entry.request;
  const decimal = (minor: number) => toDecimalString({ minor, currency });
  return {
    ...entry.request,
    // Extension: each transaction's amount and asset beside its reference, and the running total.
    related: (entry.request.related ?? []).map((r) => {
      const minor = entry.paid.get(r.value);
      return minor === undefined ? r : { ...r, amount: decimal(minor), asset: currency };
    }),
    data: { ...entry.request.data, received: decimal(paidMinor(entry)) },
  };
}

/** What the payer (or the console, for a refund) does to an entry, where its status allows it. */
function applyOutcome(options: OrangepillStoreOptions, id: string, entry: Entry, outcome: OrangepillSimOutcome): Result<OrangepillRequest, string> {
  const status = entry.request.status;
  const refuse = () => err(`Payment request ${id} is ${status}: it cannot be marked ${outcome}`);
  if (outcome === 'refund') {
    if (PAID.has(status)) return ok(change(options, entry, 'REFUND'));
    return status === 'REFUND' ? ok(change(options, entry, 'REFUNDED')) : refuse();
  }
  if (!PAYABLE.has(status)) return refuse();
  switch (outcome) {
    case 'failed':
      return ok(change(options, entry, 'FAILED', { error: 'The payer\u2019s wallet declined the payment' }));
    case 'error':
      return ok(change(options, entry, 'ERROR', { error: 'Orangepill could not process the payment' }));
    case 'expired':
      // The doc has no EXPIRED: a request left unpaid is withdrawn, which Orangepill shows as CANCELLED.
      return ok(change(options, entry, 'CANCELLED', { error: 'The payment request expired before it was paid' }));
    default:
      break;
  }
  if (entry.amountMinor === null) return err(`Payment request ${id} is static (no amount): pay it with an amount in the wallet`);
  const remaining = entry.amountMinor - paidMinor(entry);
  switch (outcome) {
    case 'paid':
      return ok(pay(options, entry, remaining, 'DONE'));
    case 'late':
      return ok(pay(options, entry, remaining, 'LATE'));
    case 'overpaid':
      return ok(pay(options, entry, remaining + Math.max(1, Math.round(entry.amountMinor / 10)), 'OVERPAID'));
    case 'partial': {
      const half = Math.floor(remaining / 2);
      return half < 1 ? err(`Payment request ${id} has too little left to pay in part`) : ok(pay(options, entry, half, 'INCOMPLETE'));
    }
  }
}

/**
 * The simulator's record of payment requests and the life each one leads. Every status change is
 * logged as the doc shows and reported through `onChange`, which sends the callback.
 */
export function createOrangepillStore(options: OrangepillStoreOptions): OrangepillStore {
  const entries = new Map<string, Entry>();
  const visible = (entry: Entry): boolean => !entry.deleted || options.extensions;

  return {
    create(body) {
      const at = options.now();
      const currency = asCurrency(body.asset);
      const amountMinor = body.amount === undefined || currency === null ? null : wireAmountToMinor(body.amount, currency);
      // Every field here is one the doc's create answer shows (id, status, owner, created_at, error), or
      // one it names elsewhere: "History of status changes can be found in object log", "List of
      // transactions related to payment request can be found in Array object related".
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
      entries.set(request.id, { request, amountMinor, currency, paid: new Map(), deleted: false });
      return request;
    },
    get: (id) => {
      const entry = entries.get(id);
      return entry === undefined || !visible(entry) ? undefined : shown(options, entry);
    },
    all: () => [...entries.values()].map((entry) => shown(options, entry)),
    listed: () => [...entries.values()].filter(visible).map((entry) => shown(options, entry)),
    count: () => entries.size,
    isDeleted: (id) => entries.get(id)?.deleted === true,
    setStatus(id, status, error = null) {
      const entry = entries.get(id);
      return entry === undefined ? err(`Orangepill has no payment request ${id}`) : ok(change(options, entry, status, { error }));
    },
    apply: (id, outcome) => {
      const entry = entries.get(id);
      if (entry === undefined || (entry.deleted && !options.extensions)) return err(`Orangepill has no payment request ${id}`);
      return applyOutcome(options, id, entry, outcome);
    },
    remove(id) {
      const entry = entries.get(id);
      if (entry === undefined || !visible(entry)) return err(`payment request ${id} not found`);
      if (options.extensions && !PAYABLE.has(entry.request.status)) return err(`payment request ${id} is ${entry.request.status} and cannot be cancelled`);
      entry.deleted = true;
      change(options, entry, 'CANCELLED', { error: null });
      return ok(id);
    },
  };
}
