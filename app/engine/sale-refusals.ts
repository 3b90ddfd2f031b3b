import type { EngineError } from './engine-error';
import type { SaidFinalStatus } from '../i18n/said/sale';
import type { CurrencyCode } from '../money/currency';
import type { MethodId } from '../payment/method';
import type { PaymentState } from '../payment/payment';

/*
 * The engine's refusals of a sale's commands, each with its English sentence and the same sentence as
 * a `Said`, so the cashier reads it in their language (issue 18). Kept here so both stay side by side.
 */

export const notConfigured = (method: MethodId): EngineError => ({
  code: 'invalid_state',
  message: `Payment method ${method} is not configured on this terminal`,
  said: { area: 'sale', kind: 'method_not_configured', method },
});

/** `label` is the method's label as the terminal lists it ("Atome (simulated)"). */
export const refusesCurrency = (method: MethodId, label: string, currency: CurrencyCode): EngineError => ({
  code: 'amount_rejected',
  message: `${label} does not accept ${currency}`,
  said: { area: 'sale', kind: 'method_refuses_currency', method, currency },
});

export const inProgress: EngineError = {
  code: 'invalid_state',
  message: 'A payment is already in progress: wait for it, or cancel it first',
  said: { area: 'sale', kind: 'payment_in_progress' },
};

export const paymentNotFound = (paymentId: string): EngineError => ({
  code: 'not_found',
  message: `No payment ${paymentId} on this terminal`,
  said: { area: 'sale', kind: 'payment_not_found', paymentId },
});

/** The status as a sentence names it; null for one that has not ended. */
function saidFinal(state: PaymentState): SaidFinalStatus | null {
  switch (state.status) {
    case 'paid':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'cancelled_with_money':
    case 'paid_after_cancel':
    case 'refunded':
      return state.status;
    default:
      return null;
  }
}

/** Cancel on a payment that has ended ("Payment T-1 is already cancelled with money"). */
export function alreadyFinal(paymentId: string, state: PaymentState): EngineError {
  const message = `Payment ${paymentId} is already ${state.status.replace(/_/g, ' ')}`;
  const status = saidFinal(state);
  return { code: 'invalid_state', message, ...(status === null ? {} : { said: { area: 'sale', kind: 'payment_already_final', paymentId, status } }) };
}

export const stillBeingCreated: EngineError = {
  code: 'invalid_state',
  message: 'The payment is still being created: cancel once its QR shows',
  said: { area: 'sale', kind: 'still_being_created' },
};

export const stillInProgress: EngineError = {
  code: 'invalid_state',
  message: 'The payment is still in progress: cancel it before starting a new sale',
  said: { area: 'sale', kind: 'still_in_progress' },
};
