import type { Failure } from '../../payment/payment';
import type { ProviderStatus } from '../provider';
import { isOpnFailureCode, OPN_FAILURE_SENTENCES, type OpnChargeData } from './opn-api';

/** The cashier's sentence for an Opn failure code; codes the doc does not list still say which. */
function opnFailure(code: string | null): Failure {
  const known = code ?? 'unspecified';
  return {
    code: known,
    message: isOpnFailureCode(known) ? OPN_FAILURE_SENTENCES[known] : `Atome did not complete the payment (${known}).`,
  };
}

/** Opn's charge status, normalised. Exhaustive: any status not listed becomes "unknown", never paid. */
export function mapOpnStatus(charge: OpnChargeData): ProviderStatus {
  return { ...mapKind(charge), requested: { minor: charge.amount, currency: charge.currency } };
}

function mapKind(charge: OpnChargeData): ProviderStatus {
  switch (charge.status) {
    case 'pending':
      return { kind: 'pending' };
    case 'successful':
      if (charge.refunded_amount > 0) {
        return { kind: 'refunded', full: charge.refunded_amount >= charge.amount, refundedMinor: charge.refunded_amount };
      }
      return { kind: 'paid', paidAt: Date.parse(charge.paid_at ?? charge.created_at) };
    case 'failed':
      return { kind: 'failed', failure: opnFailure(charge.failure_code) };
    case 'expired':
      return { kind: 'expired' };
    default:
      return { kind: 'unknown', raw: charge.status };
  }
}
