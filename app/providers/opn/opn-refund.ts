import type { ProviderError, RefundResult } from '../provider';
import type { Money } from '../../money/money';
import { err, ok, type Result } from '../../util/result';
import { opnRefundSchema, type OpnChargeData } from './opn-api';
import { chargePath, getCharge, rejected, sameCurrency, type OpnContext } from './opn-context';
import { opnRefundRefusal } from './opn-rules';

/**
 * Refunds part or all of a paid charge. The charge decides: Opn's `refundable` must say yes, and Opn's
 * rules hold (the window, at most 15 refunds); each refusal is a sentence before any money moves.
 */
export async function refundCharge(ctx: OpnContext, providerRef: string, amount: Money, paidAt: number): Promise<Result<RefundResult, ProviderError>> {
  const provider = ctx.method.names.en;
  const window = opnRefundRefusal(ctx.method, paidAt, ctx.now(), null);
  if (window !== null) return err(rejected(window.message, window.said));
  if (!Number.isInteger(amount.minor) || amount.minor <= 0) return err(rejected('A refund must be more than zero', { area: 'refund', kind: 'more_than_zero' }));
  const before = await getCharge(ctx, providerRef);
  if (!before.ok) return before;
  const charge = before.value;
  if (!sameCurrency(charge.currency, amount.currency)) {
    const currency = charge.currency.toUpperCase();
    return err(rejected(`Refund in ${currency}, the currency of the payment`, { area: 'refund', kind: 'refund_currency', currency }));
  }
  const refusal = chargeRefusal(charge, provider);
  if (refusal !== null) return err(refusal);
  const rules = opnRefundRefusal(ctx.method, paidAt, ctx.now(), charge.refunds?.total ?? null);
  if (rules !== null) return err(rejected(rules.message, rules.said));
  const left = charge.amount - charge.refunded_amount;
  if (ctx.method.refunds.kind === 'api' && ctx.method.refunds.partial === false && amount.minor !== left) {
    return err(rejected(`${provider} takes only a refund of the whole amount left`, { area: 'refund', kind: 'whole_left_only', provider }));
  }
  const result = await ctx.http.call(opnRefundSchema, 'POST', chargePath(providerRef, '/refunds'), [['amount', String(amount.minor)]]);
  if (!result.ok) return result;
  const refund = result.value;
  if (refund.charge !== providerRef || refund.amount !== amount.minor || !sameCurrency(refund.currency, amount.currency)) {
    return err({
      kind: 'invalid_response',
      message: 'Opn answered the refund with a different charge or amount; check the Opn dashboard',
      ambiguous: true,
      refundSaid: { area: 'refund', kind: 'opn_refund_mismatch' },
    });
  }
  // Opn's refund object has no running total: the charge has it. If that read fails, add it up ourselves.
  const after = await getCharge(ctx, providerRef);
  const total = after.ok ? after.value.refunded_amount : charge.refunded_amount + refund.amount;
  return ok({ refundId: refund.id, amount: { minor: refund.amount, currency: amount.currency }, totalRefundedMinor: total });
}

/** The charge's own word against a refund: not paid, or not refundable now. */
function chargeRefusal(charge: Pick<OpnChargeData, 'status' | 'refundable'>, provider: string): ProviderError | null {
  if (charge.status !== 'successful') {
    const status = charge.status.slice(0, 40);
    return rejected(`Only a paid ${provider} payment can be refunded; Opn says this one is ${status}`, { area: 'refund', kind: 'opn_not_paid', provider, status });
  }
  if (charge.refundable !== true) {
    return rejected(
      `Opn says this ${provider} payment cannot be refunded now, so the terminal did not ask: give the money back another way, such as a bank transfer`,
      { area: 'refund', kind: 'opn_not_refundable', provider },
    );
  }
  return null;
}
