import type { OperatorRef } from '../staff/staff';

/*
 * A sale a POS client asked for is the client's in the journal: its operator is the client, so
 * history, receipts and the Z report name "Till 2" as they would a cashier. The prefix tells the
 * screens it was requested by a till, not keyed by a person ("Requested by Till 2").
 */
const POS_PREFIX = 'pos:';

export const posOperator = (client: { readonly id: string; readonly name: string }): OperatorRef => ({ id: `${POS_PREFIX}${client.id}`, name: client.name });

/** The POS client's name when the sale was requested by a till; null for a sale keyed at the counter. */
export function requestedBy(operator: OperatorRef | undefined): string | null {
  return operator !== undefined && operator.id.startsWith(POS_PREFIX) ? operator.name : null;
}
