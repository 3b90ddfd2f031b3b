import type { ApiResult } from '../../app/ipc/contract';
import type { EngineError, PaymentEngine } from '../../app/engine/payment-engine';
import type { Result } from '../../app/util/result';
import { actorsOf, operatorRef, type AuditWriter } from './audit-writer';
import type { CommandHandlers } from './dispatcher';
import { withRefundReceipt } from './refund-receipts';

export interface SaleCommandDeps {
  readonly engine: PaymentEngine;
  readonly audit: AuditWriter;
}

/** The engine's answer as the screens' API gives it: its refusal's code and sentence, nothing else. */
export const toApi = <T>(result: Result<T, EngineError>): ApiResult<T> =>
  result.ok ? result : { ok: false, error: { code: result.error.code, message: result.error.message } };

/**
 * Selling and refunding, each with who did it: a sale keeps the person signed in on the payment for
 * good; a refund that went through is audited with its amount, the provider's refund id, the person
 * and the manager who approved it (null for each in a one-person shop: the "when" still counts).
 */
export function saleCommands(deps: SaleCommandDeps): Pick<CommandHandlers, 'charge' | 'refund' | 'cancel' | 'markReturned' | 'keepLate'> {
  const { engine, audit } = deps;
  return {
    charge: async (args, context) =>
      toApi(
        await engine.charge({
          amount: args.amount,
          method: args.method,
          orderRef: args.orderRef || null,
          payerAlias: args.payerAlias ?? null,
          operator: operatorRef(context.operator),
        }),
      ),
    refund: async (args, context) => {
      const { value: result, refundId } = await withRefundReceipt(() => engine.refund(args.paymentId, args.amount));
      // A late payment the provider cannot refund here is to be given back by hand: the decision is audited,
      // without `amountMinor`, so it is not counted as a refund made until someone marks it returned.
      if (result.ok && result.value.state.status === 'cancelled_with_money') {
        const detail = { toReturnMinor: args.amount.minor, currency: args.amount.currency, refundId: null };
        audit({ action: 'refund', paymentId: args.paymentId, ...actorsOf(context), detail });
        return toApi(result);
      }
      // A refund the journal could not save yet is still a refund made (its error says so): audited too.
      if (result.ok || refundId !== null) {
        audit({
          action: 'refund',
          paymentId: args.paymentId,
          ...actorsOf(context),
          detail: {
            amountMinor: args.amount.minor,
            currency: args.amount.currency,
            refundId,
            ...(result.ok ? { refundedTotalMinor: result.value.refundedMinor } : {}),
          },
        });
      }
      return toApi(result);
    },
    cancel: async (args) => toApi(await engine.cancel(args.paymentId, args.moneyReceived)),
    markReturned: (args, context) => {
      const result = engine.money.markReturned(args.paymentId, operatorRef(context.operator));
      if (result.ok && result.value.state.status === 'cancelled_with_money') {
        const received = result.value.state.received;
        const detail = received === null ? { received: null } : { receivedMinor: received.minor, currency: received.currency };
        audit({ action: 'returned', paymentId: args.paymentId, ...actorsOf(context), detail });
      }
      return Promise.resolve(toApi(result));
    },
    keepLate: (args, context) => {
      const result = engine.money.keepLate(args.paymentId, operatorRef(context.operator));
      if (result.ok) {
        const { amount } = result.value;
        audit({ action: 'keep_late', paymentId: args.paymentId, ...actorsOf(context), detail: { amountMinor: amount.minor, currency: amount.currency } });
      }
      return Promise.resolve(toApi(result));
    },
  };
}
