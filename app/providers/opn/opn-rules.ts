import type { CurrencyCode } from '../../money/currency';
import { formatMoney, type Money } from '../../money/money';
import type { AmountRefusal, PaymentSentence } from '../provider';
import type { RefundSaid } from '../../i18n/said/refund';
import { err, ok, type Result } from '../../util/result';
import { OPN_MAX_REFUNDS_PER_CHARGE, OPN_METHODS, type OpnMethod } from './opn-methods';

const ATOME = OPN_METHODS.atome;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The method's currencies and documented limits, checked before any request so the cashier hears
 * why at once ("PromptPay needs at least THB 20.00"). A currency without documented limits is Opn's
 * to judge: its refusal comes back with Opn's own words.
 */
export function checkOpnAmount(amount: Money, method: OpnMethod = ATOME): Result<void, AmountRefusal> {
  const name = method.names.en;
  const { currency } = amount;
  if (!method.currencies.includes(currency)) return err(currencyNotTaken(method, currency, false));
  const limits = method.limits[currency];
  if (limits === undefined) return ok(undefined);
  if (amount.minor < limits.min) {
    const minimum = { minor: limits.min, currency };
    return err({ message: `${name} needs at least ${formatMoney(minimum)}`, said: { area: 'sale', kind: 'amount_below_minimum', method: method.id, minimum } });
  }
  if (amount.minor > limits.max) {
    const maximum = { minor: limits.max, currency };
    return err({ message: `${name} takes at most ${formatMoney(maximum)}`, said: { area: 'sale', kind: 'amount_above_maximum', method: method.id, maximum } });
  }
  return ok(undefined);
}

/** The method does not take the currency: by Opn's rules, or (`onAccount`) on this shop's Opn account. */
export function currencyNotTaken(method: OpnMethod, currency: CurrencyCode, onAccount: boolean): AmountRefusal {
  const where = onAccount ? ' on this Opn account' : '';
  return { message: `${method.names.en} does not take ${currency}${where}`, said: { area: 'sale', kind: 'currency_not_taken', method: method.id, currency, onAccount } };
}

/**
 * The engine fixes a sale's expiry when the sale starts, a moment before the request leaves. A lifetime
 * set to exactly Opn's 30 s minimum would then arrive a little short and be refused, so one that is
 * short by no more than this is raised to the minimum plus the same margin instead.
 */
const MIN_EXPIRY_SLACK_MS = 5_000;

/** "An Atome QR", "A PromptPay QR". */
const aQr = (name: string): string => `${/^[AEIOU]/i.test(name) ? 'An' : 'A'} ${name} QR`;

/**
 * The `expires_at` to send, in epoch ms on whole seconds (Opn's timestamps have no fraction), or why
 * the requested expiry cannot be used. Atome takes 30 s to 12 h from the moment Opn receives the
 * request, PromptPay up to 24 h; a method whose range is not documented gets the terminal's expiry,
 * and the charge's `expires_at` is what counts.
 */
export function opnExpiry(expiresAt: number, now: number, method: OpnMethod = ATOME): Result<number, PaymentSentence> {
  const lifetime = expiresAt - now;
  const name = method.names.en;
  const refuse = (message: string, said: PaymentSentence['said']) => err({ message, said });
  if (!Number.isFinite(lifetime)) return refuse(`The ${name} QR has no valid expiry time`, { area: 'payment', kind: 'qr_expiry_invalid', method: method.id });
  const rule = method.expiry;
  const min = rule?.minMs ?? null;
  if (min !== null && lifetime < min - MIN_EXPIRY_SLACK_MS) {
    const seconds = Math.max(0, Math.floor(lifetime / 1000));
    return refuse(`${aQr(name)} must stay valid for at least ${min / 1000} seconds; this one would expire in ${seconds} s`, {
      area: 'payment',
      kind: 'qr_expiry_too_short',
      method: method.id,
      minSeconds: min / 1000,
      seconds,
    });
  }
  if (rule !== null && lifetime > rule.maxMs) {
    const maxHours = rule.maxMs / HOUR_MS;
    return refuse(`${aQr(name)} can stay valid for at most ${maxHours} hours; choose a shorter QR lifetime in settings`, {
      area: 'payment',
      kind: 'qr_expiry_too_long',
      method: method.id,
      maxHours,
    });
  }
  if (min !== null && lifetime < min + MIN_EXPIRY_SLACK_MS) return ok(Math.ceil((now + min + MIN_EXPIRY_SLACK_MS) / 1000) * 1000);
  // Rounded down, so an expiry at the upper limit never lands past it.
  return ok(Math.floor(expiresAt / 1000) * 1000);
}

/** A refusal of a refund before any request: the English sentence, and the same as a `Said`. */
export interface OpnRefundRefusal {
  readonly message: string;
  readonly said: RefundSaid;
}

/**
 * Whether Opn can refund this method's payment now, by its rules: the window (Atome 60 days, Opn's
 * 365 otherwise) and at most 15 refunds per charge. Refused here with the date, before any request.
 */
export function opnRefundRefusal(method: OpnMethod, paidAt: number, now: number, refundsSoFar: number | null): OpnRefundRefusal | null {
  const rule = method.refunds;
  const provider = method.names.en;
  if (rule.kind === 'none') return { message: rule.rule, said: { area: 'refund', kind: 'method_rule', rule: rule.said } };
  if (now - paidAt > rule.windowDays * 24 * HOUR_MS) {
    const date = new Intl.DateTimeFormat('en-SG', { day: 'numeric', month: 'long', year: 'numeric' }).format(paidAt);
    return {
      message: `${provider} refunds are possible only within ${rule.windowDays} days of the payment; this one was paid on ${date}`,
      said: { area: 'refund', kind: 'window_passed', provider, days: rule.windowDays, paidAt },
    };
  }
  if (refundsSoFar !== null && refundsSoFar >= OPN_MAX_REFUNDS_PER_CHARGE) {
    return {
      message: `Opn takes at most ${OPN_MAX_REFUNDS_PER_CHARGE} refunds on one payment, and this ${provider} payment has had ${refundsSoFar}: refund the rest in the Opn dashboard or by bank transfer`,
      said: { area: 'refund', kind: 'refund_limit', provider, max: OPN_MAX_REFUNDS_PER_CHARGE, count: refundsSoFar },
    };
  }
  return null;
}

/** `opnRefundRefusal` as a result with the English sentence. */
export function checkOpnRefundRules(method: OpnMethod, paidAt: number, now: number, refundsSoFar: number | null): Result<void, string> {
  const refusal = opnRefundRefusal(method, paidAt, now, refundsSoFar);
  return refusal === null ? ok(undefined) : err(refusal.message);
}

/** Atome refunds only within 60 days of the payment; kept for callers that know only Atome. */
export function checkOpnRefundWindow(paidAt: number, now: number): Result<void, string> {
  return checkOpnRefundRules(ATOME, paidAt, now, null);
}
