import type { EngineError } from './engine-error';
import { saidOfProblem, type StoreWriter } from './store-writer';
import { formatMoney, type Money } from '../money/money';
import type { Payment } from '../payment/payment';
import { providerRefusesRefund } from '../payment/refund-offer';
import type { PaymentEvent } from '../payment/transition';
import type { PaymentProvider } from '../providers/provider';
import { err, ok, type Result } from '../util/result';

/** What a refund needs of the engine: the saved payment, the writer's state, and the one way to change it. */
export interface RefundHost {
  readonly locale: string;
  readonly writer: Pick<StoreWriter, 'hasPending' | 'isPending' | 'currentProblem'>;
  saved(id: string): Payment | undefined;
  providerFor(payment: Payment): PaymentProvider;
  apply(id: string, event: PaymentEvent): Payment;
  /** A late payment the provider cannot refund through the terminal, to be given back by hand; null for any other. */
  returnLate(payment: Payment, amount: Money): Result<Payment, EngineError> | null;
}

/** Refunds part or all of a paid payment, within what is left to refund and the provider's rules. */
export async function refundAtProvider(host: RefundHost, id: string, amount: Money): Promise<Result<Payment, EngineError>> {
  const payment = host.saved(id);
  if (payment === undefined) return err({ code: 'not_found', message: `No payment ${id} on this terminal`, said: { area: 'sale', kind: 'payment_not_found', paymentId: id } });
  // While the journal holds back a change, no money goes out: it could not be recorded either.
  const blocked = host.writer.hasPending() ? host.writer.currentProblem() : null;
  if (blocked !== null) return err({ code: 'invalid_state', message: blocked.message, ...saidOfProblem(blocked) });
  const state = payment.state;
  if ((state.status !== 'paid' && state.status !== 'paid_after_cancel') || payment.providerRef === null) {
    return err({
      code: 'invalid_state',
      message: `Only a paid payment can be refunded; this one is ${state.status.replace(/_/g, ' ')}`,
      said: { area: 'refund', kind: 'only_paid', status: state.status },
    });
  }
  if (amount.currency !== payment.amount.currency) {
    const currency = payment.amount.currency;
    return err({ code: 'amount_rejected', message: `Refund in ${currency}, the currency of the payment`, said: { area: 'refund', kind: 'refund_currency', currency } });
  }
  const left: Money = { minor: payment.amount.minor - payment.refundedMinor, currency: payment.amount.currency };
  if (amount.minor > left.minor) {
    return err({
      code: 'amount_rejected',
      message: `At most ${formatMoney(left, host.locale)} can still be refunded on this payment`,
      said: { area: 'refund', kind: 'at_most_left', left },
    });
  }
  const provider = host.providerFor(payment);
  if (provider.refund === undefined) {
    const late = host.returnLate(payment, amount);
    if (late !== null) return late;
    const { label, id: method, refunds } = provider.method;
    const message = `${label} does not take refunds through the terminal: ${refunds.rule}`;
    return err({ code: 'invalid_state', message, ...(refunds.said === undefined ? {} : { said: { area: 'refund', kind: 'no_refunds_here', method, rule: refunds.said } }) });
  }
  // The provider's own word, kept on the payment when it was paid: no refund is tried against it.
  const refusal = providerRefusesRefund(payment, provider.method);
  if (refusal !== null) return err({ code: 'invalid_state', ...refusal });
  const result = await provider.refund(payment.providerRef, amount, state.paidAt);
  if (!result.ok) {
    const said = result.error.refundSaid ?? result.error.said;
    return err({ code: 'provider_error', message: result.error.message, ...(said === undefined ? {} : { said }) });
  }
  const after = host.apply(id, { type: 'refund_recorded', totalRefundedMinor: result.value.totalRefundedMinor });
  const unsaved = host.writer.isPending(id) ? host.writer.currentProblem() : null;
  if (unsaved !== null) {
    return err({
      code: 'invalid_state',
      message: `${unsaved.message} The refund went through at ${provider.method.provider}; it is saved as soon as the journal can write.`,
      ...saidOfProblem(unsaved, { kept: 'refund', provider: provider.method.provider }),
    });
  }
  return ok(after);
}
