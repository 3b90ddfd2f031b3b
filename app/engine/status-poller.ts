import type { Clock } from './clock';
import { closeEvent } from './close-outcome';
import { hintAction } from './hint-budget';
import { nextPollDelay, type PollPolicy } from './poll-policy';
import { amountMismatch } from './trust';
import { isFinal, type Payment } from '../payment/payment';
import type { PaymentEvent } from '../payment/transition';
import type { PaymentProvider, ProviderError, ProviderStatus } from '../providers/provider';
import { err, type Result } from '../util/result';

/** What the poller needs of the engine: the payments as it knows them, and the one way to change them. */
export interface PollerHost {
  readonly clock: Clock;
  readonly policy: PollPolicy;
  readonly random: () => number;
  readonly locale: string;
  current(id: string): Payment | undefined;
  apply(id: string, event: PaymentEvent): Payment;
  providerFor(payment: Payment): PaymentProvider;
  isStopped(): boolean;
  /** Runs work nobody awaits: a failure is logged, never an unhandled rejection. */
  background(what: string, work: () => Promise<void>): void;
}

interface PollState {
  readonly providerRef: string;
  inFlight: boolean;
  /** A webhook or callback came while a request was in flight: ask again once it returns (within budget). */
  hinted: boolean;
  failures: number;
  lastError: ProviderError | null;
  lastHintRequestAt: number | null;
  dueAt: number | null;
  /** The request due next was brought forward by a hint, so it counts against the hint budget. */
  dueByHint: boolean;
  cancelTimer: (() => void) | null;
  /** Cashiers waiting for the next answer (checkNow), told once it is in, whatever it said. */
  waiters: (() => void)[];
}

const tellWaiters = (state: PollState): void => {
  for (const waiter of state.waiters.splice(0)) waiter();
};

/** A status for another amount or currency than the sale's is no answer about this sale. */
export function checkedStatus(
  payment: Payment,
  provider: PaymentProvider,
  result: Result<ProviderStatus, ProviderError>,
  locale: string,
): Result<ProviderStatus, ProviderError> {
  if (!result.ok) return result;
  const wrong = amountMismatch(payment.amount, result.value.requested, provider.method.provider, locale);
  return wrong === null ? result : err({ kind: 'invalid_response', message: wrong.message, said: wrong.said, ambiguous: false });
}

/**
 * Follows created payments by asking their provider: at most one status request per payment in
 * flight, backing off on failures, and stopping once the payment is final. Hints (webhooks) cost only
 * a map lookup for a payment not followed, and add at most one request per payment per second.
 */
export class StatusPoller {
  private readonly states = new Map<string, PollState>();
  /** providerRef → payment id of the payments followed, so a hint never has to query the store. */
  private readonly byRef = new Map<string, string>();

  constructor(private readonly host: PollerHost) {}

  follow(id: string): void {
    const providerRef = this.host.current(id)?.providerRef ?? null;
    if (this.states.has(id) || providerRef === null || this.host.isStopped()) return;
    this.states.set(id, { providerRef, inFlight: false, hinted: false, failures: 0, lastError: null, lastHintRequestAt: null, dueAt: null, dueByHint: false, cancelTimer: null, waiters: [] });
    this.byRef.set(providerRef, id);
    this.schedule(id);
  }

  forget(id: string): void {
    const state = this.states.get(id);
    if (state === undefined) return;
    state.cancelTimer?.();
    tellWaiters(state);
    this.states.delete(id);
    if (this.byRef.get(state.providerRef) === id) this.byRef.delete(state.providerRef);
  }

  stop(): void {
    for (const state of this.states.values()) {
      state.cancelTimer?.();
      tellWaiters(state);
    }
    this.states.clear();
    this.byRef.clear();
  }

  /** A hint about a payment: ask sooner, within the budget (see hint-budget.ts). */
  hint(id: string): void {
    const state = this.states.get(id);
    if (state === undefined) return;
    const action = hintAction(state, this.host.clock.now());
    switch (action.kind) {
      case 'after_flight':
        state.hinted = true;
        return;
      case 'now':
        state.cancelTimer?.();
        this.pollSoon(id, 0, true);
        return;
      case 'at':
        state.cancelTimer?.();
        this.pollSoon(id, action.at - this.host.clock.now(), true);
        return;
      case 'fold':
        return;
    }
  }

  /**
   * A cashier asks to check now (a parked sale): one request as soon as none is in flight, within the
   * hint budget of one extra request a second, but past a backoff, since a person asked. Resolves once
   * the answer (or the failure) is in; at once for a payment not followed.
   */
  checkNow(id: string): Promise<void> {
    const state = this.states.get(id);
    if (state === undefined) return Promise.resolve();
    const answered = new Promise<void>((resolve) => state.waiters.push(resolve));
    if (state.inFlight) return answered;
    const action = hintAction({ ...state, failures: 0 }, this.host.clock.now());
    if (action.kind === 'now' || action.kind === 'at') {
      state.cancelTimer?.();
      this.pollSoon(id, action.kind === 'now' ? 0 : action.at - this.host.clock.now(), true);
    }
    // 'fold': the request scheduled already comes sooner than the budget allows another.
    return answered;
  }

  /** False when no followed payment has this provider reference (unknown, or final already). */
  hintByRef(providerRef: string): boolean {
    const id = this.byRef.get(providerRef);
    if (id === undefined) return false;
    this.hint(id);
    return true;
  }

  private schedule(id: string): void {
    const state = this.states.get(id);
    const payment = this.host.current(id);
    if (state === undefined || payment === undefined || this.host.isStopped()) return;
    let delay = nextPollDelay(this.host.policy, state.failures, state.lastError, this.host.random);
    if (payment.expiresAt !== null) {
      // Land one check exactly at expiry plus grace; past it, keep the normal or backoff pace.
      const untilFinalCheck = payment.expiresAt + this.host.policy.expiryGraceMs - this.host.clock.now();
      if (untilFinalCheck > 0) delay = Math.min(delay, untilFinalCheck);
    }
    this.pollSoon(id, delay);
  }

  private pollSoon(id: string, delay: number, byHint = false): void {
    const state = this.states.get(id);
    if (state === undefined) return;
    state.dueByHint = byHint;
    if (delay <= 0) {
      state.cancelTimer = null;
      state.dueAt = null;
      this.host.background('status check', () => this.poll(id));
      return;
    }
    state.dueAt = this.host.clock.now() + delay;
    state.cancelTimer = this.host.clock.setTimer(() => this.host.background('status check', () => this.poll(id)), delay);
  }

  private async poll(id: string): Promise<void> {
    const state = this.states.get(id);
    const payment = this.host.current(id);
    if (state === undefined || payment === undefined || payment.providerRef === null || state.inFlight) return;
    state.inFlight = true;
    state.cancelTimer = null;
    state.dueAt = null;
    if (state.dueByHint) state.lastHintRequestAt = this.host.clock.now();
    state.dueByHint = false;
    try {
      await this.ask(id, state, payment, payment.providerRef);
    } catch (error) {
      // A client that throws, or a bug, must not end the following for good: logged, and asked again later.
      state.inFlight = false;
      state.hinted = false;
      tellWaiters(state);
      if (this.states.get(id) === state && state.cancelTimer === null) this.schedule(id);
      throw error;
    }
  }

  private async ask(id: string, state: PollState, payment: Payment, providerRef: string): Promise<void> {
    const pastGrace = payment.expiresAt !== null && this.host.clock.now() >= payment.expiresAt + this.host.policy.expiryGraceMs;
    const provider = this.host.providerFor(payment);
    const result = checkedStatus(payment, provider, await provider.status(providerRef), this.host.locale);
    state.inFlight = false;
    // Told now, resumed after this synchronous update: a waiting cashier reads the payment as it stands.
    tellWaiters(state);
    if (result.ok) {
      state.failures = 0;
      state.lastError = null;
      const after = this.host.apply(id, { type: 'provider_status', status: result.value });
      if (isFinal(after.state)) return this.forget(id);
      // The final check after expiry plus grace finds nothing paid: close the QR here and at the provider.
      // A partly paid request stays open and followed: the rest may still come, and the cashier decides.
      if (pastGrace && after.state.status !== 'partially_paid') return this.expireLocally(id);
      this.schedule(id);
      // The answer may predate what the hint was about: ask again, as soon as the budget allows.
      if (state.hinted) {
        state.hinted = false;
        this.hint(id);
      }
      return;
    }
    // A provider that cannot be reached keeps its backoff, hint or not.
    state.hinted = false;
    // Unreachable is not an answer: the payment stays as it is and polling backs off. An answer that
    // cannot be trusted is worse than none: the cashier is told to check, and it is never taken as paid.
    state.failures += 1;
    state.lastError = result.error;
    this.host.apply(
      id,
      result.error.kind === 'invalid_response' || result.error.kind === 'outcome_unknown'
        ? { type: 'untrusted_response', reason: result.error.message, said: result.error.said }
        : { type: 'notice', message: result.error.message, said: result.error.said },
    );
    this.schedule(id);
  }

  private expireLocally(id: string): void {
    const payment = this.host.current(id);
    this.forget(id);
    if (payment === undefined || isFinal(payment.state) || payment.providerRef === null) return;
    const providerRef = payment.providerRef;
    // Closed at the provider first, so the customer cannot pay a QR the terminal has given up on. The
    // provider reads the status before closing: money that arrived meanwhile keeps the payment paid or
    // partly paid (still followed), and an outcome it hides needs attention; only then is it expired.
    const provider = this.host.providerFor(payment);
    this.host.background('closing an expired QR', async () => {
      const result = checkedStatus(payment, provider, await provider.cancel(providerRef), this.host.locale);
      const context = { provider: provider.method.provider, locale: this.host.locale };
      const after = this.host.apply(id, closeEvent(payment, result, 'expiry', context));
      if (!isFinal(after.state)) this.follow(id);
    });
  }
}
