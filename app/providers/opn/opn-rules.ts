import { formatMoney, type Money } from '../../money/money';
import { err, ok, type Result } from '../../util/result';
import { isOpnCurrency, OPN_LIMITS, OPN_MAX_EXPIRY_MS, OPN_MIN_EXPIRY_MS, OPN_REFUND_WINDOW_MS } from './opn-api';

/** Atome's per-currency limits, checked before any request so the cashier hears why at once. */
export function checkOpnAmount(amount: Money): Result<void, string> {
  if (!isOpnCurrency(amount.currency)) return err(`Atome does not take ${amount.currency}`);
  const { min, max } = OPN_LIMITS[amount.currency];
  if (amount.minor < min) return err(`Atome needs at least ${formatMoney({ minor: min, currency: amount.currency })}`);
  if (amount.minor > max) return err(`Atome takes at most ${formatMoney({ minor: max, currency: amount.currency })}`);
  return ok(undefined);
}

/**
 * The engine fixes a sale's expiry when the sale starts, a moment before the request leaves. A lifetime
 * set to exactly Opn's 30 s minimum would then arrive a little short and be refused, so one that is
 * short by no more than this is raised to the minimum plus the same margin instead.
 */
const MIN_EXPIRY_SLACK_MS = 5_000;

/**
 * The `expires_at` to send, in epoch ms on whole seconds (Opn's timestamps have no fraction), or why
 * the requested expiry cannot be used. Opn takes 30 s to 12 h from the moment it receives the request.
 */
export function opnExpiry(expiresAt: number, now: number): Result<number, string> {
  const lifetime = expiresAt - now;
  if (!Number.isFinite(lifetime) || lifetime < OPN_MIN_EXPIRY_MS - MIN_EXPIRY_SLACK_MS) {
    return err(`An Atome QR must stay valid for at least 30 seconds; this one would expire in ${Math.max(0, Math.floor(lifetime / 1000))} s`);
  }
  if (lifetime > OPN_MAX_EXPIRY_MS) return err('An Atome QR can stay valid for at most 12 hours; choose a shorter QR lifetime in settings');
  if (lifetime < OPN_MIN_EXPIRY_MS + MIN_EXPIRY_SLACK_MS) return ok(Math.ceil((now + OPN_MIN_EXPIRY_MS + MIN_EXPIRY_SLACK_MS) / 1000) * 1000);
  // Rounded down, so an expiry at the 12 h limit never lands past it.
  return ok(Math.floor(expiresAt / 1000) * 1000);
}

/** Atome refunds only within 60 days of the payment; refused here with the date, before any request. */
export function checkOpnRefundWindow(paidAt: number, now: number): Result<void, string> {
  if (now - paidAt <= OPN_REFUND_WINDOW_MS) return ok(undefined);
  const date = new Intl.DateTimeFormat('en-SG', { day: 'numeric', month: 'long', year: 'numeric' }).format(paidAt);
  return err(`Atome refunds are possible only within 60 days of the payment; this one was paid on ${date}`);
}
