import { qrExpired } from '../engine/parking-rules';
import type { Money } from '../money/money';
import { isUndecidedLate, type Payment } from '../payment/payment';
import { assertNever } from '../util/assert-never';
import { formatCountdown, secondsLeft } from '../payment/countdown';
import { fitAmount } from './fit-amount';
import { centre, POLE_COLUMNS, poleScreen, spread, type PoleScreen } from './screen';
import { transliterate } from './transliterate';

export interface PoleLayoutInput {
  /** The payment on the counter, or null when the terminal is idle. */
  readonly payment: Payment | null;
  /** Epoch milliseconds; only whole seconds of it reach the screen, so the text changes at most once a second. */
  readonly now: number;
  /** The idle welcome, two lines from settings; each is transliterated and centred. */
  readonly welcome: readonly [string, string];
  /** The method's label for the scan hint, e.g. "Atome" (MethodInfo.label). */
  readonly methodLabel: string;
}

function amountLine(label: string, amount: Money): string {
  return fitAmount(label, amount).text;
}

/** "Scan: Atome     4:59": the method gives way before the time does. */
function scanLine(payment: Payment, now: number, methodLabel: string): string {
  const hint = `Scan: ${transliterate(methodLabel)}`;
  if (payment.expiresAt === null) return hint;
  return spread(hint, formatCountdown(secondsLeft(payment.expiresAt, now)));
}

/** A reason is shown only when it fits whole; a cut sentence would confuse more than it explains. */
function shortReason(message: string, fallback: string): string {
  const text = transliterate(message).trim();
  return centre(text.length > 0 && text.length <= POLE_COLUMNS ? text : fallback);
}

function outstanding(payment: Payment, received: Money): Money | null {
  if (received.currency !== payment.amount.currency) return null;
  const minor = payment.amount.minor - received.minor;
  return minor > 0 ? { minor, currency: payment.amount.currency } : null;
}

/**
 * The two lines the customer sees for the payment state (pure: same input, same screen). The scan hint
 * and the amount still due come down at the QR's expiry, even while the provider has not answered.
 */
export function layoutPoleScreen(input: PoleLayoutInput): PoleScreen {
  const { payment, now, methodLabel } = input;
  if (payment === null) return poleScreen(centre(transliterate(input.welcome[0])), centre(transliterate(input.welcome[1])));
  const total = amountLine('TOTAL', payment.amount);
  const state = payment.state;
  // Once the QR has run out nobody is asked to scan or pay, whatever the provider says meanwhile.
  const expired = qrExpired(payment, now);
  switch (state.status) {
    case 'creating':
      return poleScreen(total, centre('Please wait'));
    case 'awaiting':
      if (expired) return poleScreen(centre('QR code expired'), centre('Please see cashier'));
      return poleScreen(total, scanLine(payment, now, methodLabel));
    case 'cancelling':
      return poleScreen(total, centre('Cancelling'));
    case 'unknown':
    case 'needs_attention':
      // The customer only needs to know to wait; the reason is for the cashier.
      return poleScreen(total, centre('Checking payment'));
    case 'partially_paid': {
      // Without the amount that arrived, asking for the whole total would ask the customer to pay twice.
      if (state.received === null || expired) return poleScreen(centre('Partly paid'), centre('Please see cashier'));
      const due = outstanding(payment, state.received);
      if (due === null) return poleScreen(centre('Partly paid'), total);
      return poleScreen(amountLine('STILL DUE', due), amountLine('PAID', state.received));
    }
    case 'paid':
      // A late payment waits for the cashier to keep or refund it: no thanks before that.
      if (isUndecidedLate(state)) return poleScreen(centre('Payment received'), centre('Please see cashier'));
      return poleScreen(centre('Thank you!'), amountLine('PAID', state.received ?? payment.amount));
    case 'paid_after_cancel':
      return poleScreen(centre('Payment received'), centre('Please see cashier'));
    case 'failed':
      return poleScreen(centre('Payment failed'), shortReason(state.failure.message, 'Please see cashier'));
    case 'expired':
      return poleScreen(centre('Payment expired'), centre('Time ran out'));
    case 'cancelled':
      return poleScreen(centre('Payment cancelled'), '');
    case 'cancelled_with_money':
      // What arrived goes back to the customer; "Cancelled" alone would read as "you paid nothing".
      return poleScreen(centre('Sale cancelled'), state.received === null ? centre('Money to be returned') : amountLine('TO RETURN', state.received));
    case 'refunded':
      return poleScreen(centre('Payment refunded'), amountLine('REFUND', payment.amount));
    default:
      return assertNever(state, 'payment state');
  }
}

/** What "test display" shows: every column numbered, and the character set's letters. */
export function poleTestScreen(): PoleScreen {
  return poleScreen('12345678901234567890', 'ABCDEFGHIJ Test OK  ');
}
