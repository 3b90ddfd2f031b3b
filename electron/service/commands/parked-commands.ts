import type { ParkedSales } from '../../../app/engine/parking-desk';
import type { PaymentEngine } from '../../../app/engine/payment-engine';
import type { Payment } from '../../../app/payment/payment';
import type { OperatorRef } from '../../../app/staff/staff';
import { actorsOf } from '../journal/audit-writer';
import { toApi } from './payment-commands';
import type { CommandHandlers } from '../terminal/dispatcher';
import type { CommandContext } from '../terminal/terminal-api';

type ParkedCommand = 'park' | 'listParked' | 'checkNow' | 'resolveParked' | 'acknowledgeParked';

/** A deliberate act on a parked sale, as the journal's audit keeps it (who, the manager who approved, what). */
export interface ParkedAuditEntry {
  readonly action: 'park' | 'resolve';
  readonly paymentId: string;
  readonly operator: OperatorRef | null;
  readonly approvedBy: OperatorRef | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface ParkedCommandDeps {
  readonly engine: PaymentEngine;
  /** Tells every screen and device what is on the counter now: nothing, once the sale is parked. */
  readonly announce: () => void;
  /** Records the act in the journal's audit; never throws (the act has happened). */
  readonly audit: (entry: ParkedAuditEntry) => void;
  /** Tells the cashier screens each change to the parked sales (the `parked` event). */
  readonly tell: (sales: ParkedSales) => void;
}

/** What the audit keeps of the sale: its amount and where it stood, never a provider's reference or key. */
const saleFacts = (payment: Payment): Record<string, unknown> => ({
  amountMinor: payment.amount.minor,
  currency: payment.amount.currency,
  method: payment.method,
  status: payment.state.status,
});

/** The person who decided, in the words the payment keeps: the manager who approved, or who is signed in. */
function decidedBy(context: CommandContext): string {
  const who = context.approvedBy ?? context.operator;
  return who === null ? 'the person at the counter (no staff are listed)' : who.name;
}

/**
 * The Needs attention list's commands: parking frees the counter at once; the parked sale is still
 * followed, can be checked now, and closed as not paid only by a manager who says why.
 */
export function parkedCommands(deps: ParkedCommandDeps): Pick<CommandHandlers, ParkedCommand> {
  const { engine, announce, audit } = deps;
  // The engine's parked sales are these commands' business: their changes go out as the `parked` event.
  engine.parking.listen(deps.tell);
  return {
    park: (args, context) => {
      const result = engine.parking.park(args.paymentId);
      if (result.ok) {
        announce();
        audit({ action: 'park', paymentId: args.paymentId, ...actorsOf(context), detail: { ...saleFacts(result.value), notice: result.value.notice } });
      }
      return Promise.resolve(toApi(result));
    },
    listParked: () => Promise.resolve({ ok: true, value: engine.parking.list() }),
    checkNow: async (args) => toApi(await engine.parking.checkNow(args.paymentId)),
    resolveParked: (args, context) => {
      const result = engine.parking.resolve(args.paymentId, decidedBy(context), args.reason);
      if (result.ok) audit({ action: 'resolve', paymentId: args.paymentId, ...actorsOf(context), detail: { ...saleFacts(result.value), outcome: 'not_paid', reason: args.reason } });
      return Promise.resolve(toApi(result));
    },
    acknowledgeParked: (args) => Promise.resolve(toApi(engine.parking.acknowledge(args.paymentId))),
  };
}
