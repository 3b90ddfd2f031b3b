import type { Failure } from '../../payment/payment';
import type { ProviderStatus } from '../provider';
import { isOpnFailureCode, OPN_FAILURE_WORDS, type OpnChargeData } from './opn-api';
import { OPN_METHODS, type OpnMethod } from './opn-methods';

/**
 * The cashier's sentence for an Opn failure code, in English and as a `Said` for the cashier's language;
 * a code no doc lists is shown as itself, never as paid.
 */
export function opnFailure(code: string | null, method: OpnMethod = OPN_METHODS.atome): Failure {
  const known = code ?? 'unspecified';
  const name = method.names.en;
  if (isOpnFailureCode(known)) {
    return { code: known, message: OPN_FAILURE_WORDS[known](name), said: { area: 'payment', kind: 'opn_failure', code: known, method: method.id } };
  }
  return {
    code: known,
    message: `${name} did not complete the payment (${known}).`,
    said: { area: 'payment', kind: 'unknown_failure_code', code: known, method: method.id },
  };
}

/** Opn's charge status, normalised. Exhaustive: any status not listed becomes "unknown", never paid. */
export function mapOpnStatus(charge: OpnChargeData, method: OpnMethod = OPN_METHODS.atome): ProviderStatus {
  return { ...mapKind(charge, method), requested: { minor: charge.amount, currency: charge.currency } };
}

function mapKind(charge: OpnChargeData, method: OpnMethod): ProviderStatus {
  switch (charge.status) {
    case 'pending':
      return { kind: 'pending' };
    case 'successful':
      if (charge.refunded_amount > 0) {
        return { kind: 'refunded', full: charge.refunded_amount >= charge.amount, refundedMinor: charge.refunded_amount };
      }
      return {
        kind: 'paid',
        paidAt: Date.parse(charge.paid_at ?? charge.created_at),
        // Opn's word, kept on the payment: a refund is offered only while the charge says it can be refunded.
        ...(charge.refundable === undefined ? {} : { refundable: charge.refundable }),
      };
    case 'failed':
      return { kind: 'failed', failure: opnFailure(charge.failure_code, method) };
    case 'expired':
      return { kind: 'expired' };
    default:
      return { kind: 'unknown', raw: charge.status };
  }
}
