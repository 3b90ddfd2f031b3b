import type { Clock } from './clock';
import { closeEvent } from './close-outcome';
import { CHECKING_REACH, createAtProvider, type CreatorHost } from './payment-creator';
import type { EngineError } from './engine-error';
import { MoneyDesk } from './money-desk';
import { ParkingDesk } from './parking-desk';
import type { PollPolicy } from './poll-policy';
import type { PaymentStore } from './payment-store';
import { checkedStatus, StatusPoller, type PollerHost } from './status-poller';
import { refundAtProvider } from './refund-at-provider';
import { alreadyFinal, inProgress, notConfigured, paymentNotFound, refusesCurrency, stillBeingCreated, stillInProgress } from './sale-refusals';
import { saidOfProblem, StoreWriter, type StoreProblem } from './store-writer';
import type { Money } from '../money/money';
import type { MethodId } from '../payment/method';
import { isFinal, type Payment } from '../payment/payment';
import { transition, type PaymentEvent } from '../payment/transition';
import type { CreatedPayment, PaymentProvider } from '../providers/provider';
import type { OperatorRef } from '../staff/staff';
import { err, ok, type Result } from '../util/result';

export interface ChargeRequest {
  readonly amount: Money;
  readonly method: MethodId;
  readonly orderRef: string | null;
  readonly payerAlias?: string | null;
  /** Who is selling, when staff are listed: kept on the payment from its first save, never changed after. */
  readonly operator?: OperatorRef | null;
}

export type { EngineError } from './engine-error';

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
  /** A change, once saved: what the screens and devices may show. */
  readonly onChange: (payment: Payment) => void;
  /** The store stopped saving (why, in the cashier's words) or saves again (null). */
  readonly onStoreProblem?: (problem: StoreProblem | null) => void;
  /** Work nobody awaits failed (a timer's status check, a resumed sale): for the log, never a crash. */
  readonly onError?: (what: string, error: unknown) => void;
}

/**
 * Creates, follows and cancels payments. Every change is saved before it is announced (a change the
 * store refuses is kept and retried, never shown unsaved), at most one status request per payment is
 * ever in flight, and a payment stops being polled once it is final.
 */
export class PaymentEngine {
  private readonly writer: StoreWriter;
  private readonly poller: StatusPoller;
  private readonly creatorHost: CreatorHost;
  /** Sales set aside from the counter because their outcome cannot be learned now (parking-desk.ts). */
  readonly parking: ParkingDesk;
  /** Decisions on money that arrived: cancel with money to return, mark it returned, keep a late payment. */
  readonly money: MoneyDesk;
  private activeId: string | null = null;
  private stopped = false;

  constructor(private readonly deps: EngineDeps) {
    this.writer = new StoreWriter({
      store: deps.store,
      clock: deps.clock,
      onSaved: (payment) => {
        deps.onChange(payment);
        this.parking.saved(payment);
      },
      onProblem: (problem) => deps.onStoreProblem?.(problem),
      report: (what, error) => this.report(what, error),
    });
    const host: PollerHost = {
      clock: deps.clock,
      policy: deps.policy,
      random: deps.random,
      locale: deps.locale,
      current: (id) => this.writer.current(id),
      apply: (id, event) => this.apply(id, event),
      providerFor: (payment) => this.providerFor(payment),
      isStopped: () => this.stopped,
      background: (what, work) => this.background(what, work),
    };
    this.poller = new StatusPoller(host);
    this.creatorHost = {
      ...host,
      merchantName: deps.merchantName,
      qrLifetimeMs: deps.qrLifetimeMs,
      created: (id, created) => this.created(id, created),
    };
    this.money = new MoneyDesk({ ...host, writer: this.writer, forget: (id) => this.poller.forget(id) });
    this.parking = new ParkingDesk({
      ...host,
      unfinished: () => deps.store.unfinished(),
      release: (id) => {
        if (this.activeId === id) this.activeId = null;
      },
      follow: (id) => this.poller.follow(id),
      forget: (id) => this.poller.forget(id),
      checkNow: (id) => this.poller.checkNow(id),
    });
  }

  /** The payment the screens show, as saved: in progress, or finished and not yet dismissed. */
  active(): Payment | null {
    return this.activeId === null ? null : (this.deps.store.get(this.activeId) ?? null);
  }

  /** As saved: a change the store has not taken yet is not shown anywhere. */
  get(id: string): Payment | undefined {
    return this.deps.store.get(id);
  }

  /** Why the store cannot save, or null when it saves. */
  storeProblem(): StoreProblem | null {
    return this.writer.currentProblem();
  }

  async charge(request: ChargeRequest): Promise<Result<Payment, EngineError>> {
    const provider = this.deps.providers.get(request.method);
    if (provider === undefined) {
      return err(notConfigured(request.method));
    }
    if (!provider.method.currencies.includes(request.amount.currency)) {
      return err(refusesCurrency(request.method, provider.method.label, request.amount.currency));
    }
    const limit = provider.checkAmount(request.amount);
    if (!limit.ok) return err({ code: 'amount_rejected', message: limit.error.message, said: limit.error.said });
    // While a change waits to be saved, nothing new starts: the journal must hold every sale.
    const unsaved = this.writer.hasPending() ? this.writer.currentProblem() : null;
    if (unsaved !== null) return err({ code: 'invalid_state', message: unsaved.message, ...saidOfProblem(unsaved) });
    const current = this.active();
    if (current !== null && !isFinal(current.state)) {
      return err(inProgress);
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
      ...(request.operator == null ? {} : { operator: request.operator }),
    };
    // Write-ahead: the intent is recorded (and shown as "creating") before the provider hears of it.
    const previous = this.activeId;
    this.activeId = payment.id;
    if (!this.writer.record(payment)) {
      // Not saved, so never sent: the sale does not start, and nothing is left to save later.
      this.writer.discard(payment.id);
      this.activeId = previous;
      const problem = this.writer.currentProblem();
      return err({ code: 'invalid_state', message: problem?.message ?? 'Cannot save to the journal', ...(problem === null ? {} : saidOfProblem(problem)) });
    }
    await this.create(provider, payment);
    return ok(this.deps.store.get(payment.id) ?? payment);
  }

  /** `moneyReceived: 'to_return'` is the cashier's confirmation that money already received goes back. */
  async cancel(id: string, moneyReceived?: 'to_return'): Promise<Result<Payment, EngineError>> {
    const payment = this.writer.current(id);
    if (payment === undefined) return err(paymentNotFound(id));
    const unsaved = this.writer.isPending(id) ? this.writer.currentProblem() : null;
    if (unsaved !== null) {
      return err({ code: 'invalid_state', message: `${unsaved.message} This sale's latest news is kept, and shown once it is saved.`, ...saidOfProblem(unsaved, { kept: 'sale' }) });
    }
    if (isFinal(payment.state)) {
      return err(alreadyFinal(id, payment.state));
    }
    // Money has arrived: only the cashier's explicit confirmation ends the sale, and nothing is closed at the provider.
    const refusal = this.money.bareCancelRefusal(payment);
    if (refusal !== null) return moneyReceived === 'to_return' ? this.money.cancelWithMoney(id) : err({ code: 'invalid_state', ...refusal });
    if (payment.state.status === 'creating' || payment.providerRef === null) {
      return err(stillBeingCreated);
    }
    const provider = this.providerFor(payment);
    const cancelling = this.apply(payment.id, { type: 'cancel_requested' });
    // The provider reads the status first and never closes a payment that has money (see closeEvent).
    const result = checkedStatus(payment, provider, await provider.cancel(payment.providerRef), this.deps.locale);
    const context = { provider: provider.method.provider, locale: this.deps.locale };
    const after = this.apply(payment.id, closeEvent(payment, result, 'cancel', context));
    if (isFinal(after.state)) this.poller.forget(payment.id);
    return ok(this.deps.store.get(id) ?? cancelling);
  }

  /** Refunds part or all of a paid payment, within what is left to refund and the provider's rules. */
  refund(id: string, amount: Money): Promise<Result<Payment, EngineError>> {
    const host = { locale: this.deps.locale, writer: this.writer, saved: (key: string) => this.deps.store.get(key), returnLate: this.money.returnLate.bind(this.money) };
    return refundAtProvider({ ...host, providerFor: (p) => this.providerFor(p), apply: (key, event) => this.apply(key, event) }, id, amount);
  }

  /** Clears a finished payment from the screens. */
  dismiss(id: string): Result<null, EngineError> {
    const payment = this.deps.store.get(id);
    if (payment === undefined) return err(paymentNotFound(id));
    if (!isFinal(payment.state)) {
      return err(stillInProgress);
    }
    if (this.activeId === id) this.activeId = null;
    return ok(null);
  }

  /** Resumes following payments left unfinished by an earlier run. */
  resume(): void {
    for (const payment of this.deps.store.unfinished()) {
      // A parked sale is followed again, but never put back on the counter.
      if (payment.parkedAt === undefined) this.activeId ??= payment.id;
      if (payment.providerRef !== null) this.poller.follow(payment.id);
      else this.background('resuming a sale', () => this.resumeCreate(payment));
    }
  }

  private async resumeCreate(payment: Payment): Promise<void> {
    const settleAt = payment.updatedAt + (this.deps.createSettleMs ?? 0);
    const wait = settleAt - this.deps.clock.now();
    if (wait > 0) {
      this.apply(payment.id, CHECKING_REACH);
      await new Promise<void>((resolve) => this.deps.clock.setTimer(resolve, wait));
    }
    if (!this.stopped) await this.create(this.providerFor(payment), payment, { reconcileFirst: true });
  }

  /** A webhook or callback about this payment: ask sooner, within the hint budget (see hint-budget.ts). */
  pollNow(id: string): void {
    this.poller.hint(id);
  }

  /**
   * A webhook or callback named a provider's payment: ask the provider soon. The message itself is
   * never trusted for the status; it is only a hint to look sooner. False when no followed payment
   * matches; that costs a map lookup, never a store query or a request.
   */
  pollByProviderRef(providerRef: string): boolean {
    return this.poller.hintByRef(providerRef);
  }

  stop(): void {
    this.writer.stop();
    this.stopped = true;
    this.poller.stop();
  }

  private providerFor(payment: Payment): PaymentProvider {
    const provider = this.deps.providers.get(payment.method);
    if (provider === undefined) throw new Error(`Payment method ${payment.method} is no longer configured`);
    return provider;
  }

  private create(provider: PaymentProvider, payment: Payment, options = { reconcileFirst: false }): Promise<void> {
    return createAtProvider(this.creatorHost, provider, payment, options);
  }

  private created(id: string, created: CreatedPayment): void {
    this.apply(id, { type: 'created', created });
    this.poller.follow(id);
  }

  private apply(id: string, event: PaymentEvent): Payment {
    const before = this.writer.current(id);
    if (before === undefined) throw new Error(`Payment ${id} vanished from the store`);
    // A reply that lands after stop() is dropped: the store may be closing, and the next start resumes the payment.
    if (this.stopped) return before;
    const after = transition(before, event, this.deps.clock.now());
    // Saved first, then shown: a screen never shows what the store does not hold.
    if (after !== before) this.writer.record(after);
    return after;
  }

  private background(what: string, work: () => Promise<void>): void {
    void work().catch((error: unknown) => this.report(what, error));
  }

  private report(what: string, error: unknown): void {
    try {
      this.deps.onError?.(what, error);
    } catch {
      // The log itself failed: there is nowhere left to say it, and this must not throw in its turn.
    }
  }
}
