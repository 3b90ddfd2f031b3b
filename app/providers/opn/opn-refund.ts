import type { ProviderError, RefundResult } from '../provider';
import type { Money } from '../../money/money';
import { err, ok, type Result } from '../../util/result';
import { opnRefundSchema } from './opn-api';
import { chargePath, getCharge, rejected, sameCurrency, type OpnContext } from './opn-context';
import { checkOpnRefundRules } from './opn-rules';

/**
 * Refunds part or all of a paid charge. The charge decides: Opn's `refundable` must say yes, and Opn's
 * rules hold (the window, at most 15 refunds); each refusal is a sentence before any money moves.
 */
export async function refundCharge(ctx: OpnContext, providerRef: string, amount: Money, paidAt: number): Promise<Result<RefundResult, ProviderError>> {
  const name = ctx.method.names.en;
  const window = checkOpnRefundRules(ctx.method, paidAt, ctx.now(), null);
  if (!window.ok) return err(rejected(window.error));
  if (!Number.isInteger(amount.minor) || amount.minor <= 0) return err(rejected('A refund must be more than zero'));
  const before = await getCharge(ctx, providerRef);
  if (!before.ok) return before;
  const charge = before.value;
  if (!sameCurrency(charge.currency, amount.currency)) {
    return err(rejected(`Refund in ${charge.currency.toUpperCase()}, the currency of the payment`));
  }
  if (charge.status !== 'successful') return err(rejected(`Only a paid ${name} payment can be refunded; Opn says this one is ${charge.status.slice(0, 40)}`));
  if (charge.refundable !== true) {
    return err(rejected(`Opn says this ${name} payment cannot be refunded now, so the terminal did not ask: give the money back another way, such as a bank transfer`));
  }
  const rules = checkOpnRefundRules(ctx.method, paidAt, ctx.now(), charge.refunds?.total ?? null);
  if (!rules.ok) return err(rejected(rules.error));
  const left = charge.amount - charge.refunded_amount;
  if (ctx.method.refunds.kind === 'api' && ctx.method.refunds.partial === false && amount.minor !== left) {
    return err(rejected(`${name} takes only a refund of the whole amount left`));
  }
  const result = await ctx.http.call(opnRefundSchema, 'POST', chargePath(providerRef, '/refunds'), [['amount', String(amount.minor)]]);
  if (!result.ok) return result;
  const refund = result.value;
  if (refund.charge !== providerRef || refund.amount !== amount.minor || !sameCurrency(refund.currency, amount.currency)) {
    return err({ kind: 'invalid_response', message: 'Opn answered the refund with a different charge or amount; check the Opn dashboard', ambiguous: true });
  }
  // Opn's refund object has no running total: the charge has it. If that read fails, add it up ourselves.
  const after = await getCharge(ctx, providerRef);
  const total = after.ok ? after.value.refunded_amount : charge.refunded_amount + refund.amount;
  return ok({ refundId: refund.id, amount: { minor: refund.amount, currency: amount.currency }, totalRefundedMinor: total });
}
