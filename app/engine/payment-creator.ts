import type { Clock } from './clock';
import { nextPollDelay, type PollPolicy } from './poll-policy';
import { formatMoney } from '../money/money';
import type { Failure, Payment } from '../payment/payment';
import type { PaymentSaid, ProviderLinkSaid } from '../i18n/said/payment';
import type { PaymentEvent } from '../payment/transition';
import type { CreatedPayment, PaymentProvider, ProviderError } from '../providers/provider';

/** How many times an ambiguous create is reconciled and retried before the sale is failed. */
const MAX_CREATE_ATTEMPTS = 3;

/** What creating needs of the engine: its settings, and the one way to change a payment. */
export interface CreatorHost {
  readonly clock: Clock;
  readonly policy: PollPolicy;
  readonly random: () => number;
  readonly locale: string;
  readonly merchantName: string;
  readonly qrLifetimeMs: number;
  apply(id: string, event: PaymentEvent): Payment;
  /** The provider made it: record it and start following it. */
  created(id: string, created: CreatedPayment): void;
  isStopped(): boolean;
}

const STOPPED: Failure = {
  code: 'create_stopped',
  message: 'The terminal stopped before the payment was created',
  said: { area: 'payment', kind: 'create_stopped' },
};

/** The note on a sale left creating by a restart, while the terminal waits to ask the provider about it. */
export const CHECKING_REACH: PaymentEvent = {
  type: 'notice',
  message: 'Checking with the provider whether this sale reached it before the restart\u2026',
  said: { area: 'payment', kind: 'checking_reach' },
};

const LINK_KINDS: ReadonlySet<PaymentSaid['kind']> = new Set(['no_answer', 'no_connection', 'slow_down', 'provider_trouble', 'unreadable_answer']);
const isLinkSaid = (said: PaymentSaid): said is ProviderLinkSaid => LINK_KINDS.has(said.kind);

/** The lookup's problem as the failure's `Said`, when it is one about the provider's link. */
function reachUnchecked(problem: PaymentSaid | undefined): { readonly said?: PaymentSaid } {
  return problem !== undefined && isLinkSaid(problem) ? { said: { area: 'payment', kind: 'reach_unchecked', problem } } : {};
}

const sleep = (clock: Clock, ms: number): Promise<void> => new Promise((resolve) => clock.setTimer(resolve, ms));

/**
 * Creates the payment at the provider. After a restart the earlier run may have sent the create
 * already, so a resumed payment is looked up by our reference first, and only then created.
 *
 * Where the provider's create is idempotent (Orangepill's key, derived from our reference), repeating
 * the very same create is the documented way to find the first one, so a lookup is only a shortcut:
 * its "not found" or its failure leads to that repeat, never to a request under a new key. Without
 * such a key (Opn), only a lookup that answers may lead to another create.
 */
export async function createAtProvider(host: CreatorHost, provider: PaymentProvider, payment: Payment, options: { readonly reconcileFirst: boolean }): Promise<void> {
  const idempotent = provider.idempotentCreate === true;
  if (options.reconcileFirst) {
    const found = await provider.findByReference(payment.id);
    if (found.ok && found.value !== null) return host.created(payment.id, found.value);
    if (!found.ok && !idempotent) {
      return void host.apply(payment.id, {
        type: 'create_failed',
        failure: {
          code: `reconcile_${found.error.kind}`,
          message: `Could not check whether the sale reached the provider: ${found.error.message}`,
          ...reachUnchecked(found.error.said),
        },
      });
    }
  }
  const request = {
    reference: payment.id,
    amount: payment.amount,
    description: `${host.merchantName} ${formatMoney(payment.amount, host.locale)}`,
    // A resumed sale gets a full QR lifetime from now, not one that ran out while we were down; an
    // idempotent create must repeat the first one exactly, so it keeps the first one's expiry.
    expiresAt: (options.reconcileFirst && !idempotent ? host.clock.now() : payment.createdAt) + host.qrLifetimeMs,
    payerAlias: payment.payerAlias,
  };
  let lastError: ProviderError | null = null;
  for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS && !host.isStopped(); attempt++) {
    const result = await provider.create(request);
    if (result.ok) return host.created(payment.id, result.value);
    lastError = result.error;
    if (!result.error.ambiguous && result.error.kind !== 'rate_limited' && result.error.kind !== 'network') break;
    host.apply(payment.id, { type: 'notice', message: result.error.message, said: result.error.said });
    // Before any retry, look for the payment the lost request may have made (Opn has no idempotency key).
    if (result.error.ambiguous) {
      const found = await provider.findByReference(payment.id);
      if (found.ok && found.value !== null) return host.created(payment.id, found.value);
      // Cannot tell whether it exists: never risk a second charge, unless the retry is the same create.
      if (!found.ok && !idempotent) break;
    }
    await sleep(host.clock, nextPollDelay(host.policy, attempt, lastError, host.random));
  }
  host.apply(payment.id, {
    type: 'create_failed',
    failure: lastError === null ? STOPPED : { code: `create_${lastError.kind}`, message: lastError.message, ...(lastError.said === undefined ? {} : { said: lastError.said }) },
  });
}
