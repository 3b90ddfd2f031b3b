import type { SaleSaid } from '../../../../app/i18n/said/sale';
import { methodOwnName } from '../../sale/method-name';
import type { SaidWordsFor } from '../said';

const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'en');

export const en: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => 'A payment is already in progress: wait for it, or cancel it first',
  payment_not_found: ({ paymentId }) => `No payment ${paymentId} on this terminal`,
  method_not_configured: ({ method }) => `Payment method ${method} is not configured on this terminal`,
  method_refuses_currency: ({ method, currency }, f) => `${f.method(method)} does not accept ${currency}`,
  currency_not_taken: ({ method, currency, onAccount }) => `${name(method)} does not take ${currency}${onAccount ? ' on this Opn account' : ''}`,
  amount_below_minimum: ({ method, minimum }, f) => `${name(method)} needs at least ${f.money(minimum)}`,
  amount_above_maximum: ({ method, maximum }, f) => `${name(method)} takes at most ${f.money(maximum)}`,
  amount_not_positive: ({ method }) => `${name(method)} needs an amount above zero`,
  payment_already_final: ({ paymentId, status }) => `Payment ${paymentId} is already ${status.replace(/_/g, ' ')}`,
  still_being_created: () => 'The payment is still being created: cancel once its QR shows',
  still_in_progress: () => 'The payment is still in progress: cancel it before starting a new sale',
  not_simulated: () => 'Only a created payment on a simulated provider can be simulated',
  // The simulator's own sentence is the whole of it in English.
  simulator_refused: ({ detail }) => detail,
};
