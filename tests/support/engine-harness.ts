/** The engine under a manual clock and a scripted provider: the harness the engine tests share. */
import type { Clock } from '../../app/engine/clock';
import type { ParkedSales } from '../../app/engine/parking-desk';
import { PaymentEngine, type ChargeRequest } from '../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import type { PollPolicy } from '../../app/engine/poll-policy';
import type { StoreProblem } from '../../app/engine/store-writer';
import type { Money } from '../../app/money/money';
import type { MethodId, MethodInfo } from '../../app/payment/method';
import type { Payment, PaymentStatus } from '../../app/payment/payment';
import type { AmountRefusal, CreatedPayment, CreatePaymentRequest, PaymentProvider, ProviderError, ProviderStatus } from '../../app/providers/provider';
import { ok, type Result } from '../../app/util/result';
import { aPayment } from './payment-fixture';

export const T0 = 1_750_000_000_000;

/** Lets every queued promise callback run (all microtasks drain before a macrotask). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface Timer {
  readonly seq: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A clock whose timers fire only when the test advances time. */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer: Timer = { seq: this.seq++, at: this.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      await settle();
    }
    this.time = target;
    await settle();
  }

  async advanceTo(at: number): Promise<void> {
    await this.advance(at - this.time);
  }
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export type Reply<T> = Result<T, ProviderError> | Promise<Result<T, ProviderError>>;

export const createdFor = (req: CreatePaymentRequest): CreatedPayment => ({
  providerRef: `prov-${req.reference}`,
  qr: { payload: `QR:${req.reference}` },
  expiresAt: req.expiresAt,
});

/** A provider whose every answer the test scripts, recording each call and when it was made. */
export class ScriptedProvider implements PaymentProvider {
  readonly method: MethodInfo = { id: 'demo', label: 'Test QR', provider: 'The test provider', instruction: 'Scan', currencies: ['SGD', 'JPY'], simulated: true, simulator: null, refunds: { supported: false, rule: 'no refunds in tests' } };
  readonly creates: CreatePaymentRequest[] = [];
  readonly statusCalls: { readonly ref: string; readonly at: number }[] = [];
  readonly cancels: string[] = [];
  readonly finds: string[] = [];
  /** Set by a test about a provider whose repeated create gives back the first one (Orangepill's key). */
  idempotentCreate?: true;
  amountRule: (amount: Money) => Result<void, AmountRefusal> = () => ok(undefined);
  onCreate: (req: CreatePaymentRequest, n: number) => Reply<CreatedPayment> = (req) => ok(createdFor(req));
  onStatus: (ref: string, n: number) => Reply<ProviderStatus> = () => ok<ProviderStatus>({ kind: 'pending' });
  onCancel: (ref: string, n: number) => Reply<ProviderStatus> = () => ok<ProviderStatus>({ kind: 'cancelled' });
  onFind: (reference: string, n: number) => Reply<CreatedPayment | null> = () => ok(null);

  constructor(private readonly clock: Clock) {}

  checkAmount(amount: Money): Result<void, AmountRefusal> {
    return this.amountRule(amount);
  }

  create(req: CreatePaymentRequest): Promise<Result<CreatedPayment, ProviderError>> {
    this.creates.push(req);
    return Promise.resolve(this.onCreate(req, this.creates.length));
  }

  status(ref: string): Promise<Result<ProviderStatus, ProviderError>> {
    this.statusCalls.push({ ref, at: this.clock.now() });
    return Promise.resolve(this.onStatus(ref, this.statusCalls.length));
  }

  cancel(ref: string): Promise<Result<ProviderStatus, ProviderError>> {
    this.cancels.push(ref);
    return Promise.resolve(this.onCancel(ref, this.cancels.length));
  }

  findByReference(reference: string): Promise<Result<CreatedPayment | null, ProviderError>> {
    this.finds.push(reference);
    return Promise.resolve(this.onFind(reference, this.finds.length));
  }
}

export const POLICY: PollPolicy = { intervalMs: 1000, expiryGraceMs: 10_000, backoffBaseMs: 1000, backoffMaxMs: 30_000 };

export const networkError: ProviderError = { kind: 'network', message: 'No connection to the test provider \u2014 retrying', ambiguous: false };
export const serverOnPost: ProviderError = { kind: 'server', message: 'The test provider is having trouble \u2014 retrying', ambiguous: true };
export const rejected: ProviderError = { kind: 'rejected', message: 'The test provider rejected the request: amount too small', ambiguous: false };

export interface HarnessOptions {
  readonly store?: PaymentStore;
  readonly policy?: PollPolicy;
  readonly qrLifetimeMs?: number;
  readonly createSettleMs?: number;
  readonly providers?: 'none';
}

export function harness(options: HarnessOptions = {}) {
  const clock = new ManualClock(T0);
  const provider = new ScriptedProvider(clock);
  const store = options.store ?? createMemoryStore();
  const changes: Payment[] = [];
  /** onChange calls where the store did not already hold exactly the payment being announced. */
  const unsaved: Payment[] = [];
  /** What the engine said about its store, in order: a problem, or null once it saves again. */
  const storeProblems: (StoreProblem | null)[] = [];
  /** Failures of work nobody awaited (timers, resumed sales), which the engine caught and reported. */
  const backgroundErrors: { readonly what: string; readonly error: unknown }[] = [];
  /** Each announcement of the parked sales, in order. */
  const parkedNews: ParkedSales[] = [];
  let references = 0;
  const providers = new Map<MethodId, PaymentProvider>(options.providers === 'none' ? [] : [['demo', provider]]);
  const engine = new PaymentEngine({
    providers,
    store,
    clock,
    policy: options.policy ?? POLICY,
    qrLifetimeMs: options.qrLifetimeMs ?? 600_000,
    ...(options.createSettleMs === undefined ? {} : { createSettleMs: options.createSettleMs }),
    locale: 'en-SG',
    merchantName: 'Test Shop',
    newReference: () => `ref-${++references}`,
    random: () => 0.5,
    onChange: (payment) => {
      if (store.get(payment.id) !== payment) unsaved.push(payment);
      changes.push(payment);
    },
    onStoreProblem: (problem) => storeProblems.push(problem),
    onError: (what, error) => backgroundErrors.push({ what, error }),
  });
  engine.parking.listen((sales) => parkedNews.push(sales));
  const statuses = (): PaymentStatus[] => changes.map((p) => p.state.status);
  return { clock, provider, store, engine, changes, unsaved, statuses, storeProblems, backgroundErrors, parkedNews };
}

export const SGD_1234: ChargeRequest = { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'A-17' };

export async function chargeOk(engine: PaymentEngine, request: ChargeRequest = SGD_1234): Promise<Payment> {
  const result = await engine.charge(request);
  if (!result.ok) throw new Error(`charge failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function storedPayment(patch: Partial<Payment> & Pick<Payment, 'id' | 'state'>): Payment {
  return aPayment({
    amount: { minor: 500, currency: 'SGD' },
    method: 'demo',
    providerRef: `prov-${patch.id}`,
    qr: { payload: `QR:${patch.id}` },
    createdAt: T0 - 5_000,
    updatedAt: T0 - 5_000,
    expiresAt: T0 + 600_000,
    ...patch,
  });
}
