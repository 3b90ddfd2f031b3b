import type { MethodInfo } from '../../payment/method';
import { CURRENCY_CODES } from '../../money/currency';

export const ORANGEPILL_METHOD_ID = 'orangepill';

const ORANGEPILL_REFUND_RULE = 'Orangepill refunds are made in the Orangepill console; the terminal shows a refund once Orangepill reports it';

/** The Orangepill method as the screens see it; with the demo controls when it runs on the simulator. */
export function orangepillMethodInfo(simulated: boolean): MethodInfo {
  return {
    id: ORANGEPILL_METHOD_ID,
    label: simulated ? 'Orangepill (simulated)' : 'Orangepill',
    provider: 'Orangepill',
    instruction: 'Scan to pay with Orangepill',
    // Orangepill takes any asset it knows; the terminal offers every currency it can do exact money in.
    currencies: CURRENCY_CODES,
    simulated,
    simulator: simulated ? { outcomes: ['paid', 'partial', 'overpaid', 'late', 'failed', 'error', 'expired'], failureCodes: [] } : null,
    refunds: { supported: false, rule: ORANGEPILL_REFUND_RULE, said: { rule: 'orangepill_console' } },
  };
}
