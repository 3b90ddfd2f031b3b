import type { AnsweredAmount, PaymentSaid, ProviderSaid, RefusedKey, RejectedWhat } from '../i18n/said/payment';
import { isCurrencyCode } from '../money/currency';
import { formatMoney, type Money } from '../money/money';
import { retryAfterMs } from './http';
import type { ProviderError } from './provider';

/** No answer at all: the cashier reads the same words for every provider, only its name differs. */
export function transportFailure(label: string, timeout: boolean, ambiguous: boolean): ProviderError {
  return {
    kind: timeout ? 'timeout' : 'network',
    message: timeout ? `No answer from ${label} in time \u2014 retrying` : `No connection to ${label} \u2014 retrying`,
    said: { area: 'payment', kind: timeout ? 'no_answer' : 'no_connection', provider: label },
    ambiguous,
  };
}

/** HTTP 429: the provider's Retry-After (capped) sets the next try, when it sent a readable one. */
export function rateLimited(label: string, retryAfter: string | null, now: number): ProviderError {
  const after = retryAfterMs(retryAfter, now);
  return {
    kind: 'rate_limited',
    message: `${label} asked the terminal to slow down \u2014 retrying`,
    said: { area: 'payment', kind: 'slow_down', provider: label },
    ambiguous: false,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
}

const KEY_WORDS: Readonly<Record<RefusedKey, string>> = {
  secret_key: 'secret key \u2014 check it in settings',
  api_key: 'API key \u2014 check it in settings',
  key: 'key',
};

/** The provider refused the terminal's credentials (HTTP 401, or Orangepill's 403). */
export function keyRefused(label: string, key: RefusedKey): ProviderError {
  return { kind: 'auth', message: `${label} refused the terminal's ${KEY_WORDS[key]}`, said: { area: 'payment', kind: 'key_refused', provider: label, key }, ambiguous: false };
}

/** The provider rejected the request in its own words (`detail`, already cut short and redacted). */
export function providerRejected(label: string, what: RejectedWhat, detail: string): ProviderError {
  return {
    kind: 'rejected',
    message: `${label} rejected the ${what}: ${detail}`,
    said: { area: 'payment', kind: 'provider_rejected', provider: label, what, detail },
    ambiguous: false,
  };
}

/** The provider found no such thing, in its own words. */
export function notFound(label: string, detail: string): ProviderError {
  return { kind: 'not_found', message: `${label} could not find it: ${detail}`, said: { area: 'payment', kind: 'not_found', provider: label, detail }, ambiguous: false };
}

/** The amount a provider answered for, as the sentence names it. */
export function answeredWords(answered: AnsweredAmount, locale = 'en-SG'): string {
  const code = answered.currency.toUpperCase();
  if (answered.minor === null) return `no amount it states clearly${code === '' ? '' : ` (in ${code})`}`;
  return isCurrencyCode(code)
    ? formatMoney({ minor: answered.minor, currency: code }, locale)
    : `${answered.minor} minor units of ${code === '' ? 'an unnamed currency' : code}`;
}

/** A provider's answer for another amount or currency than asked: the sentence, and the same as a `Said`. */
export function otherAmount(label: string, asked: Money, answered: AnsweredAmount, locale = 'en-SG'): { readonly message: string; readonly said: PaymentSaid } {
  const currency = answered.currency.toUpperCase();
  return {
    message: `${label} answered for ${answeredWords(answered, locale)}, not the ${formatMoney(asked, locale)} asked`,
    said: { area: 'payment', kind: 'other_amount', provider: label, asked, answered: { minor: answered.minor, currency } },
  };
}

/** The payment's own sentences, which no client's error says on its own (checked: a new kind must be sorted here). */
const PAYMENT_ONLY: Readonly<Record<Exclude<PaymentSaid, ProviderSaid>['kind'], true>> = {
  qr_fetch_failed: true,
  cancelled_at_opn: true,
  cancel_not_yet: true,
  checking_reach: true,
  opn_failure: true,
  unknown_failure_code: true,
  demo_failure: true,
  demo_failure_unknown: true,
  orangepill_failure: true,
  create_stopped: true,
  reach_unchecked: true,
  marked_not_paid: true,
  closed_after_part: true,
  outcome_hidden: true,
  left_open: true,
};

/** An error's `Said` when it is one a client says on its own, so it can be carried inside another sentence. */
export function providerSaid(said: PaymentSaid | undefined): ProviderSaid | undefined {
  return said === undefined || Object.hasOwn(PAYMENT_ONLY, said.kind) ? undefined : (said as ProviderSaid);
}
