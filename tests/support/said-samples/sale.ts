import type { SaidFinalStatus, SaleSaid } from '../../../app/i18n/said/sale';

const FINAL: readonly SaidFinalStatus[] = ['paid', 'failed', 'expired', 'cancelled', 'cancelled_with_money', 'paid_after_cancel', 'refunded'];

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const SALE_SAMPLES: readonly SaleSaid[] = [
  { area: 'sale', kind: 'payment_in_progress' },
  { area: 'sale', kind: 'payment_not_found', paymentId: 'T20261207-0001' },
  { area: 'sale', kind: 'method_not_configured', method: 'orangepill' },
  { area: 'sale', kind: 'method_refuses_currency', method: 'demo', currency: 'MYR' },
  { area: 'sale', kind: 'currency_not_taken', method: 'paynow', currency: 'THB', onAccount: false },
  { area: 'sale', kind: 'currency_not_taken', method: 'alipayplus', currency: 'THB', onAccount: true },
  { area: 'sale', kind: 'amount_below_minimum', method: 'atome', minimum: { minor: 150, currency: 'SGD' } },
  { area: 'sale', kind: 'amount_below_minimum', method: 'promptpay', minimum: { minor: 2000, currency: 'THB' } },
  { area: 'sale', kind: 'amount_above_maximum', method: 'atome', maximum: { minor: 500_000, currency: 'MYR' } },
  { area: 'sale', kind: 'amount_not_positive', method: 'orangepill' },
  ...FINAL.map((status): SaleSaid => ({ area: 'sale', kind: 'payment_already_final', paymentId: 'T20261207-0002', status })),
  { area: 'sale', kind: 'still_being_created' },
  { area: 'sale', kind: 'still_in_progress' },
  { area: 'sale', kind: 'not_simulated' },
  { area: 'sale', kind: 'simulator_refused', method: 'atome', detail: 'Charge chrg_test_5xyz is already successful' },
];
