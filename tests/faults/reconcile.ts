import { isFinal, type Payment } from '../../app/payment/payment';
import type { OrangepillRequest } from '../../app/providers/orangepill/orangepill-api';
import type { OpnCharge } from '../../electron/simulators/opn/opn-charge';

/** One provider-side payment, reduced to what the comparison needs. */
export interface ProviderRecord {
  readonly provider: 'atome' | 'orangepill';
  readonly id: string;
  /** Our terminal reference as the provider holds it. */
  readonly reference: string;
  readonly paid: boolean;
  readonly final: boolean;
}

export interface Counts {
  readonly duplicated: number;
  readonly lost: number;
  readonly falsePaid: number;
  readonly stuck: number;
}

export interface Comparison extends Counts {
  /** One line per problem, so a failing run says which payment and why. */
  readonly problems: readonly string[];
}

const OP_PAID = new Set(['DONE', 'COMPLETED', 'OVERPAID', 'LATE']);
const OP_OPEN = new Set(['CREATED', 'PENDING', 'PROCESSING', 'ACCEPTED', 'INCOMPLETE']);

export function opnRecords(charges: readonly OpnCharge[]): ProviderRecord[] {
  return charges.map((c) => ({
    provider: 'atome',
    id: c.id,
    reference: c.metadata['terminal_reference'] ?? '',
    paid: c.status === 'successful',
    final: c.status !== 'pending',
  }));
}

export function orangepillRecords(requests: readonly OrangepillRequest[]): ProviderRecord[] {
  return requests.map((r) => ({
    provider: 'orangepill',
    id: r.id,
    reference: r.data?.order ?? '',
    paid: OP_PAID.has(r.status),
    final: !OP_OPEN.has(r.status),
  }));
}

const JOURNAL_PAID = new Set(['paid', 'paid_after_cancel', 'refunded']);
const JOURNAL_UNPAID = new Set(['failed', 'expired', 'cancelled']);

/**
 * The journal against the providers' own records:
 * - duplicated: a sale with more than one provider payment;
 * - lost: a provider payment for no sale in the journal, or a sale the test made that the journal lacks;
 * - false paid: the journal says paid and the provider does not, or the provider says paid and the
 *   journal closed the sale unpaid;
 * - stuck: a sale still open in the journal although the provider's record is final (or absent).
 */
export function compare(journal: readonly Payment[], records: readonly ProviderRecord[], charged: readonly string[]): Comparison {
  const problems: string[] = [];
  let duplicated = 0;
  let lost = 0;
  let falsePaid = 0;
  let stuck = 0;
  const byId = new Map(journal.map((p) => [p.id, p]));
  const byReference = new Map<string, ProviderRecord[]>();
  for (const record of records) byReference.set(record.reference, [...(byReference.get(record.reference) ?? []), record]);

  for (const [reference, found] of byReference) {
    if (found.length > 1) {
      duplicated += 1;
      problems.push(`duplicated: sale ${reference} has ${found.length} provider payments (${found.map((r) => r.id).join(', ')})`);
    }
    if (!byId.has(reference)) {
      lost += 1;
      problems.push(`lost: provider payment ${found.map((r) => r.id).join(', ')} names sale "${reference}", which the journal does not hold`);
    }
  }
  for (const id of new Set(charged)) {
    if (!byId.has(id)) {
      lost += 1;
      problems.push(`lost: sale ${id} was charged but is not in the journal`);
    }
  }
  for (const payment of journal) {
    const candidates = byReference.get(payment.id) ?? [];
    const record = candidates.find((r) => r.id === payment.providerRef) ?? candidates[0];
    const status = payment.state.status;
    const providerPaid = candidates.some((r) => r.paid);
    if (JOURNAL_PAID.has(status) && record?.paid !== true) {
      falsePaid += 1;
      problems.push(`false paid: sale ${payment.id} is ${status} in the journal, but the provider's record is ${record === undefined ? 'absent' : 'not paid'}`);
    } else if (JOURNAL_UNPAID.has(status) && providerPaid) {
      falsePaid += 1;
      problems.push(`false paid: the provider has sale ${payment.id} paid, but the journal closed it as ${status}`);
    }
    if (!isFinal(payment.state) && (record === undefined || record.final)) {
      stuck += 1;
      problems.push(`stuck: sale ${payment.id} is ${status} in the journal; the provider's record is ${record === undefined ? 'absent' : 'final'}`);
    }
  }
  return { duplicated, lost, falsePaid, stuck, problems };
}
