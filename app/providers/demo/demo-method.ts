import type { MethodInfo } from '../../payment/method';
import { CURRENCY_CODES } from '../../money/currency';
import { DEMO_FAILURES } from './demo-failures';

/* Apart from demo-client.ts, whose schemas (zod) the cashier's page must not bundle to name the method. */

export const DEMO_METHOD: MethodInfo = {
  id: 'demo',
  label: 'Demo QR',
  provider: 'The demo provider',
  instruction: 'Scan to pay (demo: no real money)',
  currencies: CURRENCY_CODES,
  simulated: true,
  simulator: {
    outcomes: ['paid', 'failed', 'expired'],
    failureCodes: Object.entries(DEMO_FAILURES).map(([code, label]) => ({ code, label })),
  },
  refunds: { supported: false, rule: 'the demo provider takes no refunds', said: { rule: 'demo_none' } },
};
