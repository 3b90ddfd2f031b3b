import type { Clock } from './clock';
import type { EngineError } from './engine-error';
import type { Said } from '../i18n/said';
import type { RefundSaid } from '../i18n/said/refund';
import { checkedStatus } from './status-poller';
import { saidOfProblem, type StoreWriter } from './store-writer';
import { formatMoney, type Money } from '../money/money';
import { cancelWithMoneyRefusal, decisionWords, moneyArrived, receivedWords } from '../payment/money-back';
import { isUndecidedLate, type Payment } from '../payment/payment';
import type { PaymentEvent } from '../payment/transition';
import type { PaymentProvider } from '../providers/provider';
import type { OperatorRef } from '../staff/staff';
import { err, ok, type Result } from '../util/result';

/** What the desk needs of the engine: the payments as it knows them, the one way to change them, the poller. */
export interface MoneyDeskHost {
  readonly clock: Clock;
  readonly locale: string;
  readonly writer: Pick<StoreWriter, 'current' | 'isPending' | 'currentProblem'>;
  providerFor(payment: Payment): PaymentProvider;
  apply(id: string, event: PaymentEvent): Payment;
  /** Stops following a payment that has ended. */
  forget(id: string): void;
}

const notFound = (id: string): Result<never, EngineError> => err({ code: 'not_found', message: `No payment ${id} on this terminal`, said: { area: 'sale', kind: 'payment_not_found', paymentId: id } });
const refused = (message: string, said?: RefundSaid): Result<never, EngineError> => err({ code: 'invalid_state', message, ...(said === undefined ? {} : { said }) });
const statusWords = (payment: Payment): string => payment.state.status.replace(/_/g, ' ');

/**
 * The decisions on money that arrived: ending a sale that has money (only with the cashier's explicit
 * "it is to be given back"), marking that money returned, and keeping or giving back a late payment.
 * Each is refused with a sentence when it does not fit the sale as it stands.
 */
export class MoneyDesk {
  constructor(private readonly host: MoneyDeskHost) {}

  /** The refusal of a cancel that did not carry the acknowledgement, or null when the sale has no money. */
  bareCancelRefusal(payment: Payment): { readonly message: string; readonly said: Said } | null {
    const money = moneyArrived(payment);
    if (money === null) return null;
    return cancelWithMoneyRefusal(payment, money.received, this.host.providerFor(payment).method.provider, this.host.locale);
  }

  /**
   * Ends a sale that has money, confirmed by the cashier. The provider is asked how much has arrived
   * (never to close the request: one with money stays as it is); if the rest arrived meanwhile the
   * sale is paid and not cancelled. An answer that cannot be had leaves what was known.
   */
  async cancelWithMoney(id: string): Promise<Result<Payment, EngineError>> {
    const payment = this.host.writer.current(id);
    if (payment === undefined) return notFound(id);
    const money = moneyArrived(payment);
    if (money === null) return refused(`No money has arrived on payment ${id}: it is ${statusWords(payment)}`, { area: 'refund', kind: 'no_money_arrived', paymentId: id, status: payment.state.status });
    let received = money.received;
    if (payment.providerRef !== null) {
      const provider = this.host.providerFor(payment);
      const answer = checkedStatus(payment, provider, await provider.status(payment.providerRef), this.host.locale);
      if (answer.ok && answer.value.kind === 'paid') {
        this.host.apply(id, { type: 'provider_status', status: answer.value });
        this.host.forget(id);
        return refused(`The rest arrived meanwhile: ${formatMoney(payment.amount, this.host.locale)} is paid in full, so the sale was not cancelled.`, {
          area: 'refund',
          kind: 'rest_arrived',
          amount: payment.amount,
        });
      }
      if (answer.ok && answer.value.kind === 'partially_paid') received = answer.value.received ?? received;
    }
    const after = this.host.apply(id, { type: 'cancelled_with_money', received });
    if (after.state.status !== 'cancelled_with_money') {
      return refused(`Payment ${id} changed meanwhile: it is ${statusWords(after)}`, { area: 'refund', kind: 'changed_meanwhile', paymentId: id, status: after.state.status });
    }
    this.host.forget(id);
    return this.saved(id, after);
  }

  /** Someone gave the money back (in the provider's console): said once, with who and when. */
  markReturned(id: string, by: OperatorRef | null): Result<Payment, EngineError> {
    const payment = this.host.writer.current(id);
    if (payment === undefined) return notFound(id);
    const state = payment.state;
    if (state.status !== 'cancelled_with_money') {
      return refused(`Only a sale cancelled after money arrived can be marked returned; payment ${id} is ${statusWords(payment)}`, {
        area: 'refund',
        kind: 'only_cancelled_with_money',
        paymentId: id,
        status: state.status,
      });
    }
    if (state.returned !== undefined) {
      const { returned, received } = state;
      return refused(`The ${receivedWords(received, this.host.locale)} was already marked returned ${decisionWords(returned, this.host.locale)}`, {
        area: 'refund',
        kind: 'already_returned',
        received,
        by: returned.by?.name ?? null,
        at: returned.at,
      });
    }
    const after = this.host.apply(id, { type: 'money_returned', decision: { at: this.host.clock.now(), by } });
    return this.saved(id, after);
  }

  /** Keeps a payment that arrived after its request expired: from now on it counts as paid. */
  keepLate(id: string, by: OperatorRef | null): Result<Payment, EngineError> {
    const payment = this.host.writer.current(id);
    if (payment === undefined) return notFound(id);
    const state = payment.state;
    if (state.status === 'paid' && state.kept !== undefined) {
      const kept = state.kept;
      return refused(`This late payment was already kept ${decisionWords(kept, this.host.locale)}`, { area: 'refund', kind: 'already_kept', by: kept.by?.name ?? null, at: kept.at });
    }
    if (!isUndecidedLate(state)) {
      return refused(`Only a payment that arrived after its request expired can be kept this way; payment ${id} is ${statusWords(payment)}`, {
        area: 'refund',
        kind: 'only_late_kept',
        paymentId: id,
        status: state.status,
      });
    }
    const after = this.host.apply(id, { type: 'late_kept', decision: { at: this.host.clock.now(), by } });
    return this.saved(id, after);
  }

  /**
   * A late payment the shop gives back where the provider takes no refunds through the terminal: the
   * whole of what arrived is to be returned through its console, so only that whole amount is accepted.
   */
  returnLate(payment: Payment, amount: Money): Result<Payment, EngineError> | null {
    const state = payment.state;
    if (state.status !== 'paid' || !isUndecidedLate(state)) return null;
    const whole = state.received ?? payment.amount;
    if (amount.minor !== whole.minor || amount.currency !== whole.currency) {
      return err({
        code: 'amount_rejected',
        message: `A late payment is given back whole: refund ${formatMoney(whole, this.host.locale)}`,
        said: { area: 'refund', kind: 'late_whole', whole },
      });
    }
    const after = this.host.apply(payment.id, { type: 'cancelled_with_money', received: whole });
    return this.saved(payment.id, after);
  }

  private saved(id: string, after: Payment): Result<Payment, EngineError> {
    const unsaved = this.host.writer.isPending(id) ? this.host.writer.currentProblem() : null;
    if (unsaved !== null) return err({ code: 'invalid_state', message: `${unsaved.message} This decision is kept, and shown once it is saved.`, ...saidOfProblem(unsaved, { kept: 'decision' }) });
    return ok(after);
  }
}
