import type { MethodInfo } from '../../payment/method';
import { OPN_CURRENCIES, OPN_FAILURE_SENTENCES } from './opn-api';

export const OPN_METHOD_ID = 'atome';

/** What the screens know about Atome QR via Opn; the demo controls only when it runs on the simulator. */
export function opnMethodInfo(simulated: boolean): MethodInfo {
  return {
    id: OPN_METHOD_ID,
    label: simulated ? 'Atome (simulated)' : 'Atome',
    // Opn runs Atome QR, but the cashier knows the method as Atome: one name in every sentence (issue 18).
    provider: 'Atome',
    instruction: 'Scan with the Atome app',
    currencies: OPN_CURRENCIES,
    simulated,
    simulator: simulated
      ? {
          outcomes: ['paid', 'failed', 'expired'],
          failureCodes: Object.entries(OPN_FAILURE_SENTENCES).map(([code, label]) => ({ code, label })),
        }
      : null,
    refunds: { supported: true, rule: 'Full or partial refunds within 60 days of the payment' },
  };
}
