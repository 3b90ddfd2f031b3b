import type { Clock } from './clock';
import { StoreWriteError, type PaymentStore } from './payment-store';
import type { Payment } from '../payment/payment';
import type { JournalProblemSaid, RecordsSaid } from '../i18n/said/records';

/** Why the store cannot save: a few words for the device bar, and the sentence for the cashier. */
export interface StoreProblem {
  readonly summary: string;
  readonly message: string;
  /** The sentence for a screen to word in its cashier's language (app/i18n/said.ts). */
  readonly said?: JournalProblemSaid;
}

/** What the cashier's act left waiting to be saved, said after the problem (see `heldSaid`). */
export type HeldBack = { readonly kept: 'sale' | 'decision' } | { readonly kept: 'refund'; readonly provider: string };

/**
 * An engine refusal's `said` for a problem it passes on: the problem itself, or (`held`) the problem
 * and what is kept meanwhile; nothing when the problem has no `said`. Spread beside the `message`.
 */
export function saidOfProblem(problem: StoreProblem, held?: HeldBack): { readonly said?: RecordsSaid } {
  const journal = problem.said;
  if (journal === undefined) return {};
  if (held === undefined) return { said: journal };
  if (held.kept === 'refund') return { said: { area: 'records', kind: 'refund_kept_until_saved', journal, provider: held.provider } };
  return { said: { area: 'records', kind: 'kept_until_saved', journal, kept: held.kept } };
}

export interface StoreWriterDeps {
  readonly store: PaymentStore;
  readonly clock: Clock;
  /** A change is saved: now, and only now, it may be shown. */
  readonly onSaved: (payment: Payment) => void;
  /** The store stopped saving (a problem) or saves again (null). */
  readonly onProblem: (problem: StoreProblem | null) => void;
  readonly report: (what: string, error: unknown) => void;
}

/** Retries of an unsaved change: from 1 s, doubling, never more than 5 s apart, so a freed disk is used soon. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 5000;

function storeProblemOf(error: unknown): StoreProblem {
  if (error instanceof StoreWriteError) {
    const problem = { summary: error.summary, message: error.message };
    return error.said === undefined ? problem : { ...problem, said: error.said };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    summary: 'Journal cannot save',
    message: `Cannot save to the journal (${detail}). No new sale can start until it saves again; the sale on the counter is kept and saved as soon as it can be.`,
    said: { area: 'records', kind: 'journal_write_failed', detail },
  };
}

/**
 * Saves before showing. A change the store refuses is kept here, as the engine's view of the payment,
 * and saved again on a bounded schedule (and on the payment's next change) until it goes through; only
 * then is it shown. Screens keep the last saved state meanwhile, and the problem is announced.
 */
export class StoreWriter {
  private readonly pending = new Map<string, Payment>();
  private problem: StoreProblem | null = null;
  private retries = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly deps: StoreWriterDeps) {}

  /** The payment as the engine knows it: an unsaved change first, else what the store holds. */
  current(id: string): Payment | undefined {
    return this.pending.get(id) ?? this.deps.store.get(id);
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  currentProblem(): StoreProblem | null {
    return this.problem;
  }

  /** Saves the payment, then announces it; true when saved. A refused save is kept and retried. */
  record(payment: Payment): boolean {
    this.pending.set(payment.id, payment);
    this.flush();
    return !this.pending.has(payment.id);
  }

  /** Forgets an unsaved payment nobody else knows of (a charge refused before it reached a provider). */
  discard(id: string): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.stopRetrying();
  }

  /** One last try, then no more: the store is about to close. */
  stop(): void {
    this.flush();
    this.stopped = true;
    this.stopRetrying();
  }

  private flush(): void {
    if (this.stopped) return;
    for (const [id, payment] of this.pending) {
      try {
        this.deps.store.save(payment);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.pending.delete(id);
      this.announce(payment);
    }
    this.stopRetrying();
    if (this.problem !== null) this.tell(null);
  }

  private fail(error: unknown): void {
    const problem = storeProblemOf(error);
    if (this.problem?.message !== problem.message) this.tell(problem);
    if (this.cancelRetry !== null || this.pending.size === 0) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(this.retries, 8));
    this.retries += 1;
    this.cancelRetry = this.deps.clock.setTimer(() => {
      this.cancelRetry = null;
      this.flush();
    }, delay);
  }

  private tell(problem: StoreProblem | null): void {
    this.problem = problem;
    try {
      this.deps.onProblem(problem);
    } catch (error) {
      this.deps.report('announcing the journal state', error);
    }
  }

  private stopRetrying(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.retries = 0;
  }

  /** A screen or printer that throws must not turn a saved change into an unsaved one. */
  private announce(payment: Payment): void {
    try {
      this.deps.onSaved(payment);
    } catch (error) {
      this.deps.report('showing a saved payment', error);
    }
  }
}
