import type { Clock } from './clock';
import { parkRefusal } from './parking-rules';
import type { EngineError } from './engine-error';
import { isFinal, type Payment } from '../payment/payment';
import { RESOLVED_BY_MANAGER, type PaymentEvent } from '../payment/transition';
import { err, ok, type Result } from '../util/result';

/** The sales set aside from the counter, as the cashier's Needs attention list shows them. */
export interface ParkedSales {
  /** Parked and still open, oldest first: each is still asked about in the background, with backoff. */
  readonly open: readonly Payment[];
  /**
   * Parked sales that ended by themselves (the provider answered at last) since the terminal started,
   * newest first, until the cashier acknowledges each: a parked sale found paid must not pass unseen.
   */
  readonly settled: readonly Payment[];
}

/** What the desk needs of the engine: the payments, the one way to change them, and the poller. */
export interface ParkingHost {
  readonly clock: Clock;
  /** The payment as the engine knows it (an unsaved change first). */
  current(id: string): Payment | undefined;
  /** Every payment not yet final, as saved. */
  unfinished(): readonly Payment[];
  apply(id: string, event: PaymentEvent): Payment;
  /** Takes the sale off the counter if it is the one there. */
  release(id: string): void;
  follow(id: string): void;
  forget(id: string): void;
  /** One status request as soon as the provider may be asked (see StatusPoller.checkNow), resolved on its answer. */
  checkNow(id: string): Promise<void>;
}

/** A terminal open for months must not grow: the oldest unacknowledged news is dropped first. */
const SETTLED_KEPT = 100;

const notFound = (id: string): Result<never, EngineError> => err({ code: 'not_found', message: `No payment ${id} on this terminal`, said: { area: 'sale', kind: 'payment_not_found', paymentId: id } });

/**
 * Parking: a sale whose outcome cannot be learned is set aside, so the counter is free at once. It
 * stays open and followed; when it ends by itself the cashier is told, and a manager may close it as
 * not paid, saying why.
 */
export class ParkingDesk {
  private readonly settled = new Map<string, Payment>();
  private listener: ((sales: ParkedSales) => void) | null = null;

  constructor(private readonly host: ParkingHost) {}

  park(id: string): Result<Payment, EngineError> {
    const payment = this.host.current(id);
    if (payment === undefined) return notFound(id);
    const refusal = parkRefusal(payment, this.host.clock.now());
    if (refusal !== null) return err({ code: 'invalid_state', ...refusal });
    const after = this.host.apply(id, { type: 'parked', at: this.host.clock.now() });
    this.host.release(id);
    // Still followed, with backoff: a follow that stands already is left as it is.
    this.host.follow(id);
    this.announce();
    return ok(after);
  }

  /** A manager closes a parked sale as not paid; `who` and `reason` go into its sentence for good. */
  resolve(id: string, who: string, reason: string): Result<Payment, EngineError> {
    const payment = this.host.current(id);
    if (payment === undefined) return notFound(id);
    if (payment.parkedAt === undefined) {
      return err({ code: 'invalid_state', message: 'Only a parked sale can be marked resolved; park it first', said: { area: 'refund', kind: 'resolve_not_parked' } });
    }
    if (isFinal(payment.state)) {
      return err({ code: 'invalid_state', message: 'This parked sale has already ended: its outcome is in History', said: { area: 'refund', kind: 'resolve_ended' } });
    }
    // Who decided and why stay on the payment for good; when is in the journal's log of it.
    const message = `Marked not paid by ${who}, after checking with the provider: ${reason}`;
    const after = this.host.apply(id, { type: 'resolved_unpaid', message, said: { area: 'payment', kind: 'marked_not_paid', by: who, reason } });
    if (isFinal(after.state)) this.host.forget(id);
    this.announce();
    return ok(after);
  }

  async checkNow(id: string): Promise<Result<Payment, EngineError>> {
    const payment = this.host.current(id);
    if (payment === undefined) return notFound(id);
    if (isFinal(payment.state)) return ok(payment);
    this.host.follow(id);
    await this.host.checkNow(id);
    return ok(this.host.current(id) ?? payment);
  }

  /** The cashier has seen how a parked sale ended: it leaves the list. */
  acknowledge(id: string): Result<null, EngineError> {
    if (!this.settled.delete(id)) {
      return err({ code: 'not_found', message: `Sale ${id} is not among the parked sales that ended`, said: { area: 'refund', kind: 'acknowledge_unknown', paymentId: id } });
    }
    this.announce();
    return ok(null);
  }

  list(): ParkedSales {
    const open = this.host
      .unfinished()
      .filter((p) => p.parkedAt !== undefined)
      .sort((a, b) => (a.parkedAt ?? 0) - (b.parkedAt ?? 0));
    return { open, settled: [...this.settled.values()].reverse() };
  }

  /** Every saved change: a parked sale that ends by itself becomes news for the cashier. */
  saved(payment: Payment): void {
    if (payment.parkedAt === undefined) return;
    const byHand = payment.state.status === 'failed' && payment.state.failure.code === RESOLVED_BY_MANAGER;
    if (isFinal(payment.state) && !byHand) {
      this.settled.delete(payment.id);
      this.settled.set(payment.id, payment);
      if (this.settled.size > SETTLED_KEPT) this.settled.delete(this.settled.keys().next().value ?? payment.id);
    }
    this.announce();
  }

  /** Who hears each change to the parked sales (the cashier screens); one at a time, replaced by the next. */
  listen(listener: ((sales: ParkedSales) => void) | null): void {
    this.listener = listener;
  }

  private announce(): void {
    this.listener?.(this.list());
  }
}
