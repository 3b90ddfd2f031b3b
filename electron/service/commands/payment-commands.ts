import type { ApiResult, CommandArgs, RequestLookup, Snapshot } from '../../../app/ipc/contract';
import type { EngineError, PaymentEngine } from '../../../app/engine/payment-engine';
import type { MethodId } from '../../../app/payment/method';
import type { Result } from '../../../app/util/result';
import { actorsOf, operatorRef, type AuditWriter } from '../journal/audit-writer';
import type { CommandHandlers } from '../terminal/dispatcher';
import { withRefundReceipt } from '../providers/refund-receipts';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import { demoSimulateCommand } from '../demo/demo-commands';

type MoneyCommand = 'charge' | 'refund' | 'cancel' | 'markReturned' | 'keepLate';
export type PaymentCommand = MoneyCommand | 'getSnapshot' | 'dismiss' | 'demoSimulate' | 'lookupRequest';

export interface PaymentCommandDeps {
  readonly engine: PaymentEngine;
  readonly audit: AuditWriter;
  /** Everything a screen needs to draw itself from nothing. */
  readonly snapshot: () => Snapshot;
  /** Tells every screen and device what is on the counter now. */
  readonly announce: () => void;
  /** The demo mode's simulators, which the demo controls drive; empty when live. */
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  readonly lookupRequest: (args: CommandArgs<'lookupRequest'>) => Promise<ApiResult<RequestLookup>>;
}

/** The engine's answer as the screens' API gives it: its refusal's code and sentence (and that sentence as a `Said`), nothing else. */
export const toApi = <T>(result: Result<T, EngineError>): ApiResult<T> => {
  if (result.ok) return result;
  const { code, message, said } = result.error;
  return { ok: false, error: { code, message, ...(said === undefined ? {} : { said }) } };
};

/** The sale on the counter: what it is, taking the money, giving it back, clearing it away. */
export function paymentCommands(deps: PaymentCommandDeps): Pick<CommandHandlers, PaymentCommand> {
  const { engine, announce } = deps;
  return {
    getSnapshot: () => Promise.resolve({ ok: true, value: deps.snapshot() }),
    ...moneyCommands(deps),
    dismiss: (args) => {
      const result = engine.dismiss(args.paymentId);
      if (result.ok) announce();
      return Promise.resolve(toApi(result));
    },
    demoSimulate: demoSimulateCommand((id) => engine.get(id), deps.simulators),
    lookupRequest: deps.lookupRequest,
  };
}

/**
 * Selling and refunding, each with who did it: a sale keeps the person signed in on the payment for
 * good; a refund that went through is audited with its amount, the provider's refund id, the person
 * and the manager who approved it (null for each in a one-person shop: the "when" still counts).
 */
function moneyCommands(deps: Pick<PaymentCommandDeps, 'engine' | 'audit'>): Pick<CommandHandlers, MoneyCommand> {
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
