import { describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { PaymentEngine, type ChargeRequest } from '../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import type { PollPolicy } from '../../app/engine/poll-policy';
import type { Money } from '../../app/money/money';
import type { MethodId, MethodInfo } from '../../app/payment/method';
import type { Payment, PaymentStatus } from '../../app/payment/payment';
import type { CreatedPayment, CreatePaymentRequest, PaymentProvider, ProviderError, ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';

const T0 = 1_750_000_000_000;

/** Lets every queued promise callback run (all microtasks drain before a macrotask). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Timer {
  readonly seq: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A clock whose timers fire only when the test advances time. */
class ManualClock implements Clock {
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

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

type Reply<T> = Result<T, ProviderError> | Promise<Result<T, ProviderError>>;

const createdFor = (req: CreatePaymentRequest): CreatedPayment => ({
  providerRef: `prov-${req.reference}`,
  qr: { payload: `QR:${req.reference}` },
  expiresAt: req.expiresAt,
});

/** A provider whose every answer the test scripts, recording each call and when it was made. */
class ScriptedProvider implements PaymentProvider {
  readonly method: MethodInfo = { id: 'demo', label: 'Test QR', instruction: 'Scan', currencies: ['SGD', 'JPY'], simulated: true };
  readonly creates: CreatePaymentRequest[] = [];
  readonly statusCalls: { readonly ref: string; readonly at: number }[] = [];
  readonly cancels: string[] = [];
  readonly finds: string[] = [];
  amountRule: (amount: Money) => Result<void, string> = () => ok(undefined);
  onCreate: (req: CreatePaymentRequest, n: number) => Reply<CreatedPayment> = (req) => ok(createdFor(req));
  onStatus: (ref: string, n: number) => Reply<ProviderStatus> = () => ok<ProviderStatus>({ kind: 'pending' });
  onCancel: (ref: string, n: number) => Reply<ProviderStatus> = () => ok<ProviderStatus>({ kind: 'cancelled' });
  onFind: (reference: string, n: number) => Reply<CreatedPayment | null> = () => ok(null);

  constructor(private readonly clock: Clock) {}

  checkAmount(amount: Money): Result<void, string> {
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

const POLICY: PollPolicy = { intervalMs: 1000, expiryGraceMs: 10_000, backoffBaseMs: 1000, backoffMaxMs: 30_000 };

const networkError: ProviderError = { kind: 'network', message: 'No connection to the test provider \u2014 retrying', ambiguous: false };
const serverOnPost: ProviderError = { kind: 'server', message: 'The test provider is having trouble \u2014 retrying', ambiguous: true };
const rejected: ProviderError = { kind: 'rejected', message: 'The test provider rejected the request: amount too small', ambiguous: false };

interface HarnessOptions {
  readonly store?: PaymentStore;
  readonly policy?: PollPolicy;
  readonly qrLifetimeMs?: number;
  readonly providers?: 'none';
}

function harness(options: HarnessOptions = {}) {
  const clock = new ManualClock(T0);
  const provider = new ScriptedProvider(clock);
  const store = options.store ?? createMemoryStore();
  const changes: Payment[] = [];
  /** onChange calls where the store did not already hold exactly the payment being announced. */
  const unsaved: Payment[] = [];
  let references = 0;
  const providers = new Map<MethodId, PaymentProvider>(options.providers === 'none' ? [] : [['demo', provider]]);
  const engine = new PaymentEngine({
    providers,
    store,
    clock,
    policy: options.policy ?? POLICY,
    qrLifetimeMs: options.qrLifetimeMs ?? 600_000,
    locale: 'en-SG',
    merchantName: 'Test Shop',
    newReference: () => `ref-${++references}`,
    random: () => 0.5,
    onChange: (payment) => {
      if (store.get(payment.id) !== payment) unsaved.push(payment);
      changes.push(payment);
    },
  });
  const statuses = (): PaymentStatus[] => changes.map((p) => p.state.status);
  return { clock, provider, store, engine, changes, unsaved, statuses };
}

const SGD_1234: ChargeRequest = { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'A-17' };

async function chargeOk(engine: PaymentEngine, request: ChargeRequest = SGD_1234): Promise<Payment> {
  const result = await engine.charge(request);
  if (!result.ok) throw new Error(`charge failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function storedPayment(patch: Partial<Payment> & Pick<Payment, 'id' | 'state'>): Payment {
  return {
    amount: { minor: 500, currency: 'SGD' },
    method: 'demo',
    orderRef: null,
    providerRef: `prov-${patch.id}`,
    qr: { payload: `QR:${patch.id}` },
    createdAt: T0 - 5_000,
    updatedAt: T0 - 5_000,
    expiresAt: T0 + 600_000,
    notice: null,
    ...patch,
  };
}

describe('PaymentEngine: charge', () => {
  it('creates the payment, going creating → awaiting, saving before announcing', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    expect(payment).toEqual({
      id: 'ref-1',
      amount: { minor: 1234, currency: 'SGD' },
      method: 'demo',
      orderRef: 'A-17',
      providerRef: 'prov-ref-1',
      qr: { payload: 'QR:ref-1' },
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + 600_000,
      state: { status: 'awaiting' },
      notice: null,
    });
    expect(h.statuses()).toEqual(['creating', 'awaiting']);
    expect(h.unsaved).toEqual([]);
    expect(h.store.get('ref-1')).toBe(payment);
    expect(h.engine.active()).toBe(payment);
  });

  it('sends the provider our reference, the amount, a description and the QR expiry', async () => {
    const h = harness();
    await chargeOk(h.engine);
    expect(h.provider.creates).toEqual([
      { reference: 'ref-1', amount: { minor: 1234, currency: 'SGD' }, description: 'Test Shop SGD 12.34', expiresAt: T0 + 600_000 },
    ]);
  });

  it('records the intent before the provider hears of it', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    let storedAtCreate: Payment | undefined;
    h.provider.onCreate = () => {
      storedAtCreate = h.store.get('ref-1');
      return pending.promise;
    };
    const charging = h.engine.charge(SGD_1234);
    await settle();
    expect(storedAtCreate?.state).toEqual({ status: 'creating' });
    expect(h.engine.active()?.state).toEqual({ status: 'creating' });
    pending.resolve(ok(createdFor(h.provider.creates[0] ?? { reference: '', amount: SGD_1234.amount, description: '', expiresAt: 0 })));
    expect((await charging).ok).toBe(true);
    expect(h.engine.active()?.state).toEqual({ status: 'awaiting' });
  });

  it('rejects an amount the provider refuses, without any create call', async () => {
    const h = harness();
    h.provider.amountRule = (amount) => (amount.minor < 100 ? err('Test QR needs at least SGD 1.00') : ok(undefined));
    const result = await h.engine.charge({ amount: { minor: 99, currency: 'SGD' }, method: 'demo', orderRef: null });
    expect(result).toEqual({ ok: false, error: { code: 'amount_rejected', message: 'Test QR needs at least SGD 1.00' } });
    expect(h.provider.creates).toEqual([]);
    expect(h.changes).toEqual([]);
    expect(h.engine.active()).toBeNull();
  });

  it('rejects a currency the method does not accept, without any create call', async () => {
    const h = harness();
    const result = await h.engine.charge({ amount: { minor: 100, currency: 'MYR' }, method: 'demo', orderRef: null });
    expect(result).toEqual({ ok: false, error: { code: 'amount_rejected', message: 'Test QR does not accept MYR' } });
    expect(h.provider.creates).toEqual([]);
  });

  it('rejects a method that is not configured', async () => {
    const h = harness({ providers: 'none' });
    const result = await h.engine.charge(SGD_1234);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.changes).toEqual([]);
  });

  it('refuses a second charge while one is in progress', async () => {
    const h = harness();
    await chargeOk(h.engine);
    const second = await h.engine.charge({ amount: { minor: 500, currency: 'SGD' }, method: 'demo', orderRef: null });
    expect(second).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'A payment is already in progress: wait for it, or cancel it first' },
    });
    expect(h.provider.creates).toHaveLength(1);
    expect(h.engine.active()?.id).toBe('ref-1');
  });

  it('refuses a second charge even while the first is still being created', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    h.provider.onCreate = () => pending.promise;
    const first = h.engine.charge(SGD_1234);
    const second = await h.engine.charge(SGD_1234);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('invalid_state');
    expect(h.provider.creates).toHaveLength(1);
    pending.resolve(err(rejected));
    await first;
  });

  it('a non-ambiguous rejection fails the payment with the provider message, once', async () => {
    const h = harness();
    h.provider.onCreate = () => err(rejected);
    const payment = await chargeOk(h.engine);
    expect(payment.state).toEqual({
      status: 'failed',
      failure: { code: 'create_rejected', message: 'The test provider rejected the request: amount too small' },
    });
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual([]);
    expect(h.statuses()).toEqual(['creating', 'failed']);
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toEqual([]);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('after an ambiguous create, reconciles and adopts the payment found: exactly one create', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    h.provider.onFind = (reference) => ok({ providerRef: 'prov-found', qr: { payload: `QR:found:${reference}` }, expiresAt: T0 + 600_000 });
    const payment = await chargeOk(h.engine);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual(['ref-1']);
    expect(payment.state).toEqual({ status: 'awaiting' });
    expect(payment.providerRef).toBe('prov-found');
    expect(payment.qr).toEqual({ payload: 'QR:found:ref-1' });
    expect(payment.notice).toBeNull();
    // The notice was shown while reconciling.
    expect(h.changes.map((p) => p.notice)).toEqual([null, serverOnPost.message, null]);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-found']);
  });

  it('after an ambiguous create that left nothing behind, retries the create with the same reference after a wait', async () => {
    const h = harness();
    h.provider.onCreate = (req, n) => (n === 1 ? err(serverOnPost) : ok(createdFor(req)));
    const charging = h.engine.charge(SGD_1234);
    await settle();
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual(['ref-1']);
    await h.clock.advance(999);
    expect(h.provider.creates).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.provider.creates).toHaveLength(2);
    expect(h.provider.creates.map((c) => c.reference)).toEqual(['ref-1', 'ref-1']);
    const result = await charging;
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
    expect(result.ok && result.value.providerRef).toBe('prov-ref-1');
  });

  it('gives up after three ambiguous attempts, reconciling before each retry', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    const charging = h.engine.charge(SGD_1234);
    await h.clock.advance(60_000);
    const result = await charging;
    expect(h.provider.creates).toHaveLength(3);
    expect(h.provider.finds).toHaveLength(3);
    expect(result.ok && result.value.state).toEqual({
      status: 'failed',
      failure: { code: 'create_server', message: serverOnPost.message },
    });
  });

  it('never retries a create when reconciliation cannot tell whether the first one landed', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    h.provider.onFind = () => err(networkError);
    const payment = await chargeOk(h.engine);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toHaveLength(1);
    expect(payment.state.status).toBe('failed');
    await h.clock.advance(60_000);
    expect(h.provider.creates).toHaveLength(1);
  });

  it('waits out a rate-limited create for its Retry-After', async () => {
    const h = harness();
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 5000 };
    h.provider.onCreate = (req, n) => (n === 1 ? err(limited) : ok(createdFor(req)));
    const charging = h.engine.charge(SGD_1234);
    await h.clock.advance(4999);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual([]);
    await h.clock.advance(1);
    expect(h.provider.creates).toHaveLength(2);
    const result = await charging;
    expect(result.ok && result.value.state.status).toBe('awaiting');
  });
});

describe('PaymentEngine: polling', () => {
  it('polls every intervalMs', async () => {
    const h = harness();
    await chargeOk(h.engine);
    await h.clock.advance(999);
    expect(h.provider.statusCalls).toHaveLength(0);
    await h.clock.advance(1);
    expect(h.provider.statusCalls).toEqual([{ ref: 'prov-ref-1', at: T0 + 1000 }]);
    await h.clock.advance(4000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('keeps at most one status request in flight', async () => {
    const h = harness();
    const answers: Deferred<Result<ProviderStatus, ProviderError>>[] = [];
    h.provider.onStatus = () => {
      const d = deferred<Result<ProviderStatus, ProviderError>>();
      answers.push(d);
      return d.promise;
    };
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    await h.clock.advance(30_000);
    expect(h.provider.statusCalls).toHaveLength(1);
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls).toHaveLength(1);
    answers[0]?.resolve(ok({ kind: 'pending' }));
    await settle();
    expect(h.provider.statusCalls).toHaveLength(1);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(2);
    expect(h.provider.statusCalls[1]?.at).toBe(T0 + 32_000);
  });

  it('pollNow asks at once and restarts the interval from there', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    await h.clock.advance(400);
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([400]);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([400, 1400]);
  });

  it('stops polling once paid', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => (n < 3 ? ok({ kind: 'pending' }) : ok({ kind: 'paid', paidAt: T0 + 2_500 }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(3000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid', paidAt: T0 + 2_500 });
    expect(h.provider.statusCalls).toHaveLength(3);
    await h.clock.advance(120_000);
    expect(h.provider.statusCalls).toHaveLength(3);
    expect(h.clock.pendingTimers).toBe(0);
    expect(h.statuses()).toEqual(['creating', 'awaiting', 'paid']);
    expect(h.unsaved).toEqual([]);
  });

  it('stops polling once the provider reports failed, carrying the failure', async () => {
    const h = harness();
    const failure = { code: 'insufficient_funds', message: 'The customer\u2019s wallet has insufficient funds.' };
    h.provider.onStatus = () => ok({ kind: 'failed', failure });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(10_000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'failed', failure });
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('shows an unknown provider status and keeps polling until it resolves', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => (n === 1 ? ok({ kind: 'unknown', raw: 'settled' }) : ok({ kind: 'pending' }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'unknown', providerStatus: 'settled' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.provider.statusCalls).toHaveLength(2);
  });

  it('backs off on status errors instead of hammering, shows a notice, and clears it on recovery', async () => {
    const h = harness();
    let down = true;
    h.provider.onStatus = () => (down ? err(networkError) : ok({ kind: 'pending' }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.notice).toBe(networkError.message);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    await h.clock.advanceTo(T0 + 60_000);
    // random() = 0.5: 3/4 of a doubling ceiling, never under the 1 s interval, capped at 30 s.
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500, 6500, 12_500, 24_500, 47_000]);
    expect(h.unsaved).toEqual([]);
    // One notice change, not one per failed request.
    expect(h.changes.filter((p) => p.notice !== null)).toHaveLength(1);
    down = false;
    await h.clock.advanceTo(T0 + 69_500);
    expect(h.provider.statusCalls).toHaveLength(8);
    expect(h.engine.get(payment.id)?.notice).toBeNull();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    // Back to the normal pace.
    await h.clock.advance(3000);
    expect(h.provider.statusCalls.slice(8).map((c) => c.at - T0)).toEqual([70_500, 71_500, 72_500]);
  });

  it('honours a Retry-After on status requests', async () => {
    const h = harness();
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 20_000 };
    h.provider.onStatus = (_ref, n) => (n === 1 ? err(limited) : ok({ kind: 'pending' }));
    await chargeOk(h.engine);
    await h.clock.advance(20_999);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000]);
    await h.clock.advance(1);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 21_000]);
  });

  it('stop() ends all polling', async () => {
    const h = harness();
    await chargeOk(h.engine);
    await h.clock.advance(2000);
    h.engine.stop();
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toHaveLength(2);
  });
});

describe('PaymentEngine: expiry', () => {
  it('lands one check exactly at expiry plus grace, then expires locally and cancels at the provider', async () => {
    const h = harness({ qrLifetimeMs: 30_000, policy: { ...POLICY, intervalMs: 3000 } });
    const payment = await chargeOk(h.engine);
    expect(payment.expiresAt).toBe(T0 + 30_000);
    await h.clock.advance(39_999);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.provider.cancels).toEqual([]);
    await h.clock.advance(1);
    const times = h.provider.statusCalls.map((c) => c.at - T0);
    expect(times).toEqual([3000, 6000, 9000, 12_000, 15_000, 18_000, 21_000, 24_000, 27_000, 30_000, 33_000, 36_000, 39_000, 40_000]);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    await h.clock.advance(120_000);
    expect(h.provider.statusCalls).toHaveLength(14);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('a pollNow after local expiry asks nothing more', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.engine.get(payment.id)?.state.status).toBe('expired');
    const calls = h.provider.statusCalls.length;
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls).toHaveLength(calls);
  });

  it('keeps a payment that the closing cancel reveals as paid, as paid_after_cancel', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onCancel = () => ok({ kind: 'paid', paidAt: T0 + 14_900 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 14_900 });
    expect(h.statuses().slice(-2)).toEqual(['expired', 'paid_after_cancel']);
    expect(h.unsaved).toEqual([]);
  });

  it('stays expired when the closing cancel is confirmed or fails', async () => {
    for (const answer of [ok<ProviderStatus>({ kind: 'cancelled' }), err(networkError)]) {
      const h = harness({ qrLifetimeMs: 5000 });
      h.provider.onCancel = () => answer;
      const payment = await chargeOk(h.engine);
      await h.clock.advance(60_000);
      expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
      expect(h.provider.cancels).toHaveLength(1);
    }
  });

  it('takes an expiry the provider reports itself, without a cancel', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'expired' });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(5000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
    expect(h.provider.cancels).toEqual([]);
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('does not expire a payment it cannot reach the provider about', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onStatus = () => err(networkError);
    const payment = await chargeOk(h.engine);
    await h.clock.advance(120_000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.engine.get(payment.id)?.notice).toBe(networkError.message);
    expect(h.provider.cancels).toEqual([]);
  });
});

describe('PaymentEngine: cancel', () => {
  it('goes cancelling → cancelled and polls no more', async () => {
    const h = harness();
    const answer = deferred<Result<ProviderStatus, ProviderError>>();
    h.provider.onCancel = () => answer.promise;
    const payment = await chargeOk(h.engine);
    await h.clock.advance(2000);
    const cancelling = h.engine.cancel(payment.id);
    await settle();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelling' });
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    answer.resolve(ok({ kind: 'cancelled' }));
    const result = await cancelling;
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    expect(h.statuses()).toEqual(['creating', 'awaiting', 'cancelling', 'cancelled']);
    expect(h.unsaved).toEqual([]);
    const calls = h.provider.statusCalls.length;
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toHaveLength(calls);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('stays cancelling while the provider still says pending, until it confirms', async () => {
    const h = harness();
    h.provider.onCancel = () => ok({ kind: 'pending' });
    h.provider.onStatus = (_ref, n) => (n < 2 ? ok({ kind: 'pending' }) : ok({ kind: 'cancelled' }));
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelling' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelling' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelled' });
  });

  it('a cancel that cannot reach the provider goes back to awaiting with a notice, and polling goes on', async () => {
    const h = harness();
    h.provider.onCancel = () => err(networkError);
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
    expect(result.ok && result.value.notice).toBe(`Could not cancel yet: ${networkError.message}`);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    expect(h.engine.get(payment.id)?.notice).toBeNull();
  });

  it('a paid answer to the cancel wins: the money is real', async () => {
    const h = harness();
    h.provider.onCancel = () => ok({ kind: 'paid', paidAt: T0 + 100 });
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'paid', paidAt: T0 + 100 });
  });

  it('a paid status arriving after the cancel landed is kept as paid_after_cancel', async () => {
    const h = harness();
    const inFlight = deferred<Result<ProviderStatus, ProviderError>>();
    h.provider.onStatus = () => inFlight.promise;
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    inFlight.resolve(ok({ kind: 'paid', paidAt: T0 + 900 }));
    await settle();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 900 });
  });

  it('refuses to cancel a final payment', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    const result = await h.engine.cancel(payment.id);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_state', message: 'Payment ref-1 is already paid' } });
    expect(h.provider.cancels).toEqual([]);
  });

  it('refuses to cancel while the payment is still being created', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    h.provider.onCreate = () => pending.promise;
    const charging = h.engine.charge(SGD_1234);
    await settle();
    const result = await h.engine.cancel('ref-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.provider.cancels).toEqual([]);
    pending.resolve(err(rejected));
    await charging;
  });

  it('reports an unknown payment id', async () => {
    const h = harness();
    const result = await h.engine.cancel('nope');
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No payment nope on this terminal' } });
  });
});

describe('PaymentEngine: dismiss', () => {
  it('clears a finished payment from active() and allows the next sale', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.active()?.state.status).toBe('paid');
    expect(h.engine.dismiss(payment.id)).toEqual({ ok: true, value: null });
    expect(h.engine.active()).toBeNull();
    expect(h.engine.get(payment.id)?.state.status).toBe('paid');
    const next = await chargeOk(h.engine);
    expect(next.id).toBe('ref-2');
    expect(h.engine.active()?.id).toBe('ref-2');
  });

  it('refuses to dismiss a payment in progress', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    const result = h.engine.dismiss(payment.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.engine.active()?.id).toBe(payment.id);
  });

  it('reports an unknown payment id', () => {
    const h = harness();
    expect(h.engine.dismiss('nope')).toEqual({ ok: false, error: { code: 'not_found', message: 'No payment nope on this terminal' } });
  });

  it('a new sale may start over a finished payment that was not dismissed', async () => {
    const h = harness();
    h.provider.onCreate = () => err(rejected);
    await chargeOk(h.engine);
    h.provider.onCreate = (req) => ok(createdFor(req));
    const next = await chargeOk(h.engine);
    expect(next.state.status).toBe('awaiting');
    expect(h.engine.active()?.id).toBe('ref-2');
  });
});

describe('PaymentEngine: resume', () => {
  it('restarts polling for unfinished payments and makes one active; finished ones are left alone', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-paid', state: { status: 'paid', paidAt: T0 - 1000 } }));
    store.save(storedPayment({ id: 'old-awaiting', state: { status: 'awaiting' } }));
    const h = harness({ store });
    expect(h.engine.active()).toBeNull();
    h.engine.resume();
    expect(h.engine.active()?.id).toBe('old-awaiting');
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toEqual([{ ref: 'prov-old-awaiting', at: T0 + 1000 }]);
    await h.clock.advance(2000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-old-awaiting', 'prov-old-awaiting', 'prov-old-awaiting']);
    expect(h.provider.creates).toEqual([]);
  });

  it('resumes a cancelling payment by polling until the provider settles it', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old', state: { status: 'cancelling' } }));
    const h = harness({ store });
    h.provider.onStatus = () => ok({ kind: 'cancelled' });
    h.engine.resume();
    await h.clock.advance(1000);
    expect(h.engine.get('old')?.state).toEqual({ status: 'cancelled' });
    await h.clock.advance(10_000);
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('resumes a payment that never got past creating by looking it up, then creating it', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.engine.resume();
    await settle();
    expect(h.provider.finds).toHaveLength(1);
    expect(h.provider.creates.map((c) => c.reference)).toEqual(['old-creating']);
    // The earlier run's QR lifetime ran out while it was down: the new one starts now.
    expect(h.provider.creates[0]?.expiresAt).toBe(T0 + 600_000);
    expect(h.engine.get('old-creating')?.state).toEqual({ status: 'awaiting' });
    expect(h.engine.active()?.id).toBe('old-creating');
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-old-creating']);
  });

  it('adopts the payment an earlier run already created, without creating another', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.provider.onFind = () => ok({ providerRef: 'prov-earlier', qr: { payload: 'QR:earlier' }, expiresAt: T0 + 60_000 });
    h.engine.resume();
    await settle();
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.get('old-creating')).toMatchObject({ providerRef: 'prov-earlier', state: { status: 'awaiting' } });
  });

  it('fails a resumed creating payment it cannot check, rather than risk a second one', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.provider.onFind = () => err({ kind: 'network', message: 'No connection', ambiguous: false });
    h.engine.resume();
    await settle();
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.get('old-creating')?.state).toMatchObject({ status: 'failed', failure: { code: 'reconcile_network' } });
  });

  it('a resumed payment blocks a new charge until it is finished', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-awaiting', state: { status: 'awaiting' } }));
    const h = harness({ store });
    h.engine.resume();
    const result = await h.engine.charge(SGD_1234);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
  });
});
