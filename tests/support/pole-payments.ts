import type { CurrencyCode } from '../../app/money/currency';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { aPayment } from './payment-fixture';

export const POLE_T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A payment built by hand, as the engine would hold it, for pole-display tests. */
export function polePayment(
  state: PaymentState,
  overrides: { minor?: number; currency?: CurrencyCode; expiresAt?: number | null } = {},
): Payment {
  return aPayment({
    id: 'pos-0001',
    amount: { minor: overrides.minor ?? 1234, currency: overrides.currency ?? 'SGD' },
    method: 'atome',
    providerRef: 'chrg_test_1',
    qr: { payload: 'https://qr.example/1' },
    createdAt: POLE_T0,
    updatedAt: POLE_T0,
    expiresAt: overrides.expiresAt === undefined ? POLE_T0 + 300_000 : overrides.expiresAt,
    state,
  });
}

/** A test clock whose timers run only when the test advances time. */
export function manualClock(start = POLE_T0): {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => () => void;
  advance: (ms: number) => void;
  pending: () => number;
} {
  let now = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
    advance: (ms) => {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (due === undefined) break;
        timers = timers.filter((t) => t.id !== due.id);
        now = due.at;
        due.fn();
      }
      now = end;
    },
    pending: () => timers.length,
  };
}
