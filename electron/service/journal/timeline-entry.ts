import { paymentSaidSchema } from '../../../app/i18n/said/payment-schema';
import type { PaymentSaid } from '../../../app/i18n/said/payment';
import type { TimelineEntry } from '../../../app/ipc/history';
import type { JournalEvent } from './journal-types';

/**
 * A logged failure's `Said`, checked whole against its schema; undefined when there is none or it is
 * malformed (a damaged or older journal). The check is made here, in the service, so the cashier's
 * page can word it without bundling zod.
 */
export function loggedFailureSaid(summary: Readonly<Record<string, unknown>>): PaymentSaid | undefined {
  const failure = summary['failure'];
  if (typeof failure !== 'object' || failure === null || !('said' in failure)) return undefined;
  const said = paymentSaidSchema.safeParse(failure.said);
  return said.success ? said.data : undefined;
}

/** One line of a payment's log as History shows it: the journal's own record, with its failure's `Said` checked. */
export function timelineEntry(event: JournalEvent): TimelineEntry {
  const failureSaid = loggedFailureSaid(event.summary);
  return { seq: event.seq, at: event.at, kind: event.kind, summary: event.summary, ...(failureSaid === undefined ? {} : { failureSaid }) };
}
