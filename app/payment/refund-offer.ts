import type { Said } from '../i18n/said';
import type { MethodInfo } from './method';
import type { Payment } from './payment';

/**
 * Why this payment is not refunded through the terminal on the provider's own word (Opn's charge said
 * `refundable: false`), or null when nothing says no: the English sentence and the same as a `Said`.
 * The screens show it in place of the refund form, and the engine refuses a refund with it.
 */
export function providerRefusesRefund(
  payment: Pick<Payment, 'state'>,
  method: Pick<MethodInfo, 'provider'>,
): { readonly message: string; readonly said: Said } | null {
  const state = payment.state;
  if (state.status !== 'paid' || state.refundable !== false) return null;
  return {
    message: `${method.provider} says this payment cannot be refunded, so the terminal does not offer a refund: give the money back another way, such as a bank transfer`,
    said: { area: 'refund', kind: 'provider_says_no', provider: method.provider },
  };
}
