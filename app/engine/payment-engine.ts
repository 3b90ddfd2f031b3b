import type { Clock } from './clock';
import { nextPollDelay, type PollPolicy } from './poll-policy';
import type { PaymentStore } from './payment-store';
import type { Money } from '../money/money';
import { formatMoney } from '../money/money';
import type { MethodId } from '../payment/method';
import { isFinal, type Payment } from '../payment/payment';
import { transition, type PaymentEvent } from '../payment/transition';
import type { CreatedPayment, PaymentProvider, ProviderError, ProviderStatus } from '../providers/provider';
import { err, ok, type Result } from '../util/result';
import { amountMismatch } from './trust';

export interface ChargeRequest {
  readonly amount: Money;
  readonly method: MethodId;
  readonly orderRef: string | null;
  readonly payerAlias?: string | null;
}

export type EngineErrorCode = 'not_found' | 'invalid_state' | 'amount_rejected' | 'provider_error';
export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
}

export interface EngineDeps {
  readonly providers: ReadonlyMap<MethodId, PaymentProvider>;
  readonly store: PaymentStore;
  readonly clock: Clock;
  readonly policy: PollPolicy;
  readonly qrLifetimeMs: number;
  /**
   * How long a create sent by an earlier run can still land at the provider (its request timeout plus
   * a margin). A resumed sale is looked up only after that, so a create still in flight when the
   * terminal died is found rather than made twice.
   */
  readonly createSettleMs?: number;
  readonly locale: string;
  readonly merchantName: string;
  readonly newReference: () => string;
  readonly random: () => number;
  readonly onChange: (payment: Payment) => void;
}

/** How many times an ambiguous create is reconciled and retried before the sale is failed. */
const MAX_CREATE_ATTEMPTS = 3;

interface Poller {
  inFlight: boolean;
  /** A webhook or callback came while a request was in flight: ask again as soon as it returns. */
  hinted: boolean;
  failures: number;
  lastError: ProviderError | null;
  cancelTimer: (() => void) | null;
}

/**
 * Creates, follows and cancels payments. Every change is saved before it is announced, at most one
 * status request per payment is ever in flight, and a payment stops being polled once it is final.
 */
export class PaymentEngine {
  private readonly pollers = new Map<string, Poller>();
  private activeId: string | null = null;
  private stopped = false;

  constructor(private readonly deps: EngineDeps) {}

  /** The payment the screens show: in progress, or finished and not yet dismissed. */
  active(): Payment | null {
    return this.activeId === null ? null : (this.deps.store.get(this.activeId) ?? null);
  }

  get(id: string): Payment | undefined {
    return this.deps.store.get(id);
  }

  async charge(request: ChargeRequest): Promise<Result<Payment, EngineError>> {
    const provider = this.deps.providers.get(request.method);
    if (provider === undefined) {
      return err({ code: 'invalid_state', message: `Payment method ${request.method} is not configured on this terminal` });
    }
    if (!provider.method.currencies.includes(request.amount.currency)) {
      return err({ code: 'amount_rejected', message: `${provider.method.label} does not accept ${request.amount.currency}` });
    }
    const limit = provider.checkAmount(request.amount);
    if (!limit.ok) return err({ code: 'amount_rejected', message: limit.error });
    const current = this.active();
    if (current !== null && !isFinal(current.state)) {
      return err({ code: 'invalid_state', message: 'A payment is already in progress: wait for it, or cancel it first' });
    }

    const now = this.deps.clock.now();
    const payment: Payment = {
      id: this.deps.newReference(),
      amount: request.amount,
      method: request.method,
      orderRef: request.orderRef,
      payerAlias: request.payerAlias ?? null,
      providerRef: null,
      qr: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: null,
      state: { status: 'creating' },
      refundedMinor: 0,
      notice: null,
    };
    // Write-ahead: the intent is recorded (and shown as "creating") before the provider hears of it.
    this.activeId = payment.id;
    this.record(payment);
    await this.create(provider, payment);
    return ok(this.deps.store.get(payment.id) ?? payment);
  }

  async cancel(id: string): Promise<Result<Payment, EngineError>> {
    const payment = this.deps.store.get(id);
    if (payment === undefined) return err({ code: 'not_found', message: `No payment ${id} on this terminal` });
    if (isFinal(payment.state)) {
      return err({ code: 'invalid_state', message: `Payment ${id} is already ${payment.state.status.replace(/_/g, ' ')}` });
    }
    if (payment.state.status === 'creating' || payment.providerRef === null) {
      return err({ code: 'invalid_state', message: 'The payment is still being created: cancel once its QR shows' });
    }
    const provider = this.providerFor(payment);
    const cancelling = this.apply(payment.id, { type: 'cancel_requested' });
    const result = this.checked(payment, provider, await provider.cancel(payment.providerRef));
    if (result.ok) {
      // Some providers cancel by expiring (Opn's Expire API answers "expired"): the cashier cancelled it.
      const status = result.value.kind === 'expired' ? ({ kind: 'cancelled' } as const) : result.value;
      const after = this.apply(payment.id, { type: 'provider_status', status });
      if (isFinal(after.state)) this.stopPolling(payment.id);
    } else {
      this.apply(payment.id, { type: 'cancel_failed', message: `Could not cancel yet: ${result.error.message}` });
    }
    return ok(this.deps.store.get(id) ?? cancelling);
  }

  /** Refunds part or all of a paid payment, within what is left to refund and the provider's rules. */
  async refund(id: string, amount: Money): Promise<Result<Payment, EngineError>> {
    const payment = this.deps.store.get(id);
    if (payment === undefined) return err({ code: 'not_found', message: `No payment ${id} on this terminal` });
    const state = payment.state;
    if ((state.status !== 'paid' && state.status !== 'paid_after_cancel') || payment.providerRef === null) {
      return err({ code: 'invalid_state', message: `Only a paid payment can be refunded; this one is ${state.status.replace(/_/g, ' ')}` });
    }
    if (amount.currency !== payment.amount.currency) {
      return err({ code: 'amount_rejected', message: `Refund in ${payment.amount.currency}, the currency of the payment` });
    }
    const left: Money = { minor: payment.amount.minor - payment.refundedMinor, currency: payment.amount.currency };
    if (amount.minor > left.minor) {
      return err({ code: 'amount_rejected', message: `At most ${formatMoney(left, this.deps.locale)} can still be refunded on this payment` });
    }
    const provider = this.providerFor(payment);
    if (provider.refund === undefined) {
      return err({ code: 'invalid_state', message: `${provider.method.label} does not take refunds through the terminal: ${provider.method.refunds.rule}` });
    }
    const result = await provider.refund(payment.providerRef, amount, state.paidAt);
    if (!result.ok) return err({ code: 'provider_error', message: result.error.message });
    return ok(this.apply(id, { type: 'refund_recorded', totalRefundedMinor: result.value.totalRefundedMinor }));
  }

  /** Clears a finished payment from the screens. */
  dismiss(id: string): Result<null, EngineError> {
    const payment = this.deps.store.get(id);
    if (payment === undefined) return err({ code: 'not_found', message: `No payment ${id} on this terminal` });
    if (!isFinal(payment.state)) {
      return err({ code: 'invalid_state', message: 'The payment is still in progress: cancel it before starting a new sale' });
    }
    if (this.activeId === id) this.activeId = null;
    return ok(null);
  }

  /** Resumes following payments left unfinished by an earlier run. */
  resume(): void {
    for (const payment of this.deps.store.unfinished()) {
      this.activeId ??= payment.id;
      if (payment.providerRef !== null) this.startPolling(payment.id);
      else void this.resumeCreate(payment);
    }
  }

  private async resumeCreate(payment: Payment): Promise<void> {
    const settleAt = payment.updatedAt + (this.deps.createSettleMs ?? 0);
    const wait = settleAt - this.deps.clock.now();
    if (wait > 0) {
      this.apply(payment.id, { type: 'notice', message: 'Checking with the provider whether this sale reached it before the restart…' });
      await this.sleep(wait);
    }
    if (!this.stopped) await this.create(this.providerFor(payment), payment, { reconcileFirst: true });
  }

  /**
   * Asks the provider now, e.g. on a webhook; still at most one request in flight. A hint that comes
   * while one is in flight is kept: that answer may predate the change the hint is about.
   */
  pollNow(id: string): void {
    const poller = this.pollers.get(id);
    if (poller === undefined) return;
    if (poller.inFlight) {
      poller.hinted = true;
      return;
    }
    poller.cancelTimer?.();
    void this.poll(id);
  }

  /**
   * A webhook or callback named a provider's payment: ask the provider now. The message itself is
   * never trusted for the status; it is only a hint to look sooner. False when no payment matches.
   */
  pollByProviderRef(providerRef: string): boolean {
    const payment = this.deps.store.unfinished().find((p) => p.providerRef === providerRef);
    if (payment === undefined) return false;
    this.pollNow(payment.id);
    return true;
  }

  stop(): void {
    this.stopped = true;
    for (const poller of this.pollers.values()) poller.cancelTimer?.();
    this.pollers.clear();
  }

  private providerFor(payment: Payment): PaymentProvider {
    const provider = this.deps.providers.get(payment.method);
    if (provider === undefined) throw new Error(`Payment method ${payment.method} is no longer configured`);
    return provider;
  }

  /**
   * Creates the payment at the provider. After a restart the earlier run may have sent the create
   * already, so a resumed payment is looked up by our reference first, and only then created.
   */
  private async create(provider: PaymentProvider, payment: Payment, options = { reconcileFirst: false }): Promise<void> {
    if (options.reconcileFirst) {
      const found = await provider.findByReference(payment.id);
      if (found.ok && found.value !== null) return this.created(payment.id, found.value);
      if (!found.ok) {
        return void this.apply(payment.id, {
          type: 'create_failed',
          failure: { code: `reconcile_${found.error.kind}`, message: `Could not check whether the sale reached the provider: ${found.error.message}` },
        });
      }
    }
    const request = {
      reference: payment.id,
      amount: payment.amount,
      description: `${this.deps.merchantName} ${formatMoney(payment.amount, this.deps.locale)}`,
      // A resumed sale gets a full QR lifetime from now, not one that ran out while we were down.
      expiresAt: (options.reconcileFirst ? this.deps.clock.now() : payment.createdAt) + this.deps.qrLifetimeMs,
      payerAlias: payment.payerAlias,
    };
    let lastError: ProviderError | null = null;
    for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS && !this.stopped; attempt++) {
      const result = await provider.create(request);
      if (result.ok) return this.created(payment.id, result.value);
      lastError = result.error;
      if (!result.error.ambiguous && result.error.kind !== 'rate_limited' && result.error.kind !== 'network') break;
      this.apply(payment.id, { type: 'notice', message: result.error.message });
      // Opn has no idempotency key: before any retry, look for the charge the lost request may have made.
      if (result.error.ambiguous) {
        const found = await provider.findByReference(payment.id);
        if (found.ok && found.value !== null) return this.created(payment.id, found.value);
        if (!found.ok) break; // Cannot tell whether it exists: never risk a second charge.
      }
      await this.sleep(nextPollDelay(this.deps.policy, attempt, lastError, this.deps.random));
    }
    this.apply(payment.id, {
      type: 'create_failed',
      failure: { code: `create_${lastError?.kind ?? 'stopped'}`, message: lastError?.message ?? 'The terminal stopped before the payment was created' },
    });
  }

  private created(id: string, created: CreatedPayment): void {
    this.apply(id, { type: 'created', created });
    this.startPolling(id);
  }

  private startPolling(id: string): void {
    if (this.pollers.has(id) || this.stopped) return;
    this.pollers.set(id, { inFlight: false, hinted: false, failures: 0, lastError: null, cancelTimer: null });
    this.schedule(id);
  }

  private schedule(id: string): void {
    const poller = this.pollers.get(id);
    const payment = this.deps.store.get(id);
    if (poller === undefined || payment === undefined || this.stopped) return;
    let delay = nextPollDelay(this.deps.policy, poller.failures, poller.lastError, this.deps.random);
    if (payment.expiresAt !== null) {
      // Land one check exactly at expiry plus grace; past it, keep the normal or backoff pace.
      const untilFinalCheck = payment.expiresAt + this.deps.policy.expiryGraceMs - this.deps.clock.now();
      if (untilFinalCheck > 0) delay = Math.min(delay, untilFinalCheck);
    }
    poller.cancelTimer = this.deps.clock.setTimer(() => void this.poll(id), delay);
  }

  private async poll(id: string): Promise<void> {
    const poller = this.pollers.get(id);
    const payment = this.deps.store.get(id);
    if (poller === undefined || payment === undefined || payment.providerRef === null || poller.inFlight) return;
    poller.inFlight = true;
    poller.cancelTimer = null;
    const pastGrace = payment.expiresAt !== null && this.deps.clock.now() >= payment.expiresAt + this.deps.policy.expiryGraceMs;
    const provider = this.providerFor(payment);
    const result = this.checked(payment, provider, await provider.status(payment.providerRef));
    poller.inFlight = false;
    if (result.ok) {
      poller.failures = 0;
      poller.lastError = null;
      const after = this.apply(id, { type: 'provider_status', status: result.value });
      if (isFinal(after.state)) return this.stopPolling(id);
      // The final check after expiry plus grace still says pending: close the QR here and at the provider.
      if (pastGrace) return this.expireLocally(id);
      if (poller.hinted) {
        poller.hinted = false;
        return void this.poll(id);
      }
    } else {
      // A provider that cannot be reached keeps its backoff, hint or not.
      poller.hinted = false;
      // Unreachable is not an answer: the payment stays as it is and polling backs off. An answer that
      // cannot be trusted is worse than none: the cashier is told to check, and it is never taken as paid.
      poller.failures += 1;
      poller.lastError = result.error;
      this.apply(
        id,
        result.error.kind === 'invalid_response'
          ? { type: 'untrusted_response', reason: result.error.message }
          : { type: 'notice', message: result.error.message },
      );
    }
    this.schedule(id);
  }

  /** A status for another amount or currency than the sale's is no answer about this sale. */
  private checked(payment: Payment, provider: PaymentProvider, result: Result<ProviderStatus, ProviderError>): Result<ProviderStatus, ProviderError> {
    if (!result.ok) return result;
    const wrong = amountMismatch(payment.amount, result.value.requested, provider.method.provider, this.deps.locale);
    return wrong === null ? result : err({ kind: 'invalid_response', message: wrong, ambiguous: false });
  }

  private expireLocally(id: string): void {
    const payment = this.deps.store.get(id);
    this.stopPolling(id);
    if (payment === undefined || isFinal(payment.state) || payment.providerRef === null) return;
    this.apply(id, { type: 'provider_status', status: { kind: 'expired' } });
    // Best effort, so the customer cannot pay a QR the terminal has given up on. If its answer is that
    // the customer paid after all, that is kept (as paid_after_cancel), never dropped.
    const provider = this.providerFor(payment);
    void provider
      .cancel(payment.providerRef)
      .then(
        (answer) => {
          const result = this.checked(payment, provider, answer);
          if (result.ok) this.apply(id, { type: 'provider_status', status: result.value });
        },
        () => undefined,
      );
  }

  private stopPolling(id: string): void {
    this.pollers.get(id)?.cancelTimer?.();
    this.pollers.delete(id);
  }

  private apply(id: string, event: PaymentEvent): Payment {
    const before = this.deps.store.get(id);
    if (before === undefined) throw new Error(`Payment ${id} vanished from the store`);
    // A reply that lands after stop() is dropped: the store may be closing, and the next start resumes the payment.
    if (this.stopped) return before;
    const after = transition(before, event, this.deps.clock.now());
    if (after !== before) this.record(after);
    return after;
  }

  /** Saved first, then shown: a screen never shows what the store does not hold. */
  private record(payment: Payment): void {
    this.deps.store.save(payment);
    this.deps.onChange(payment);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.deps.clock.setTimer(resolve, ms));
  }
}
