import type { PaymentSaid, ProviderLinkSaid, ProviderSaid } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { answers } from './said-payment-answers';

/** The provider's link, worded on its own and as the cause inside another sentence. */
const link: SaidWordsFor<ProviderLinkSaid> = {
  no_answer: ({ provider }) => `No answer from ${provider} in time \u2014 retrying`,
  no_connection: ({ provider }) => `No connection to ${provider} \u2014 retrying`,
  slow_down: ({ provider }) => `${provider} asked the terminal to slow down \u2014 retrying`,
  provider_trouble: ({ provider, httpStatus }) => `${provider} is having trouble${httpStatus === null ? '' : ` (HTTP ${httpStatus})`} \u2014 retrying`,
  unreadable_answer: ({ provider }) => `${provider} sent a response the terminal cannot read`,
};

function linkWords(said: ProviderLinkSaid, f: SaidFormat): string {
  const wording = link[said.kind] as (said: ProviderLinkSaid, f: SaidFormat) => string;
  return wording(said, f);
}

/** What a client's error says on its own, worded alone or inside another sentence. */
const provider: SaidWordsFor<ProviderSaid> = { ...link, ...answers };

const DEMO_FAILURES = {
  payment_rejected: 'The customer\u2019s wallet declined the payment.',
  insufficient_funds: 'The customer\u2019s wallet has insufficient funds.',
} as const;

const ORANGEPILL_FAILURES = {
  CANCELLED: 'Orangepill cancelled the payment request',
  FAILED: 'The Orangepill payment failed',
  ERROR: 'Orangepill reported an error with the payment',
} as const;

export const en: SaidWordsFor<PaymentSaid> = {
  ...provider,
  qr_fetch_failed: ({ method, problem }, f) => `Could not fetch the ${methodOwnName(method, 'en')} QR image: ${wordWithin(provider, problem, f)}`,
  cancelled_at_opn: ({ problem }, f) =>
    `${problem.kind === 'qr_fetch_failed' ? en.qr_fetch_failed(problem, f) : wordWithin(provider, problem, f)}; the charge was cancelled at Opn`,
  cancel_not_yet: ({ problem }, f) => `Could not cancel yet: ${wordWithin(provider, problem, f)}`,
  checking_reach: () => 'Checking with the provider whether this sale reached it before the restart\u2026',
  opn_failure: ({ code, method }, f) => {
    const name = f.method(method);
    switch (code) {
      case 'payment_expired':
        return 'The QR code expired before the customer paid.';
      case 'payment_rejected':
        return `${name} rejected the payment.`;
      case 'failed_processing':
        return `${name} could not process the payment; ask the customer to try again.`;
      case 'insufficient_balance':
        return `The customer's account did not have enough money for this ${name} payment; ask them to top up or pay another way.`;
      case 'payment_cancelled':
        return `The customer cancelled the ${name} payment in their app.`;
      case 'timeout':
        return `The customer did not confirm the ${name} payment before the QR code expired.`;
      case 'invalid_account':
        return `${name} found no valid account for the customer; ask them to check their app or pay another way.`;
    }
  },
  unknown_failure_code: ({ code, method }, f) => `${f.method(method)} did not complete the payment (${code}).`,
  demo_failure: ({ code }) => DEMO_FAILURES[code],
  demo_failure_unknown: ({ code }) => `The payment failed (${code}).`,
  orangepill_failure: ({ status, reason }) => (reason === null ? `${ORANGEPILL_FAILURES[status]}.` : `${ORANGEPILL_FAILURES[status]}: ${reason}`),
  create_stopped: () => 'The terminal stopped before the payment was created',
  reach_unchecked: ({ problem }, f) => `Could not check whether the sale reached the provider: ${linkWords(problem, f)}`,
  marked_not_paid: ({ by, reason }) => `Marked not paid by ${by}, after checking with the provider: ${reason}`,
  closed_after_part: () => 'Part of the payment had arrived before the request was closed at the provider, so it is neither paid nor cancelled',
  outcome_hidden: ({ requestId, lastStatus, deleteAnswer, notFound }) =>
    `The terminal cancelled Orangepill request ${requestId} while it was ${lastStatus}: DELETE answered ${deleteAnswer}, ` +
    `then GET answered 404 (${notFound}). Orangepill no longer says whether money arrived just before the cancel; ` +
    `check the request in Orangepill's console`,
  left_open: ({ asked, received, provider }, f) => {
    const arrived =
      received === null
        ? `Part of ${f.money(asked)} has already arrived (amount not reported by ${provider})`
        : `${f.money(received)} of ${f.money(asked)} has already arrived`;
    return `${arrived}: the request was not cancelled. Wait for the rest, or take the money back through ${provider}'s console.`;
  },
};
