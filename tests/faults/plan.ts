import type { FaultRule } from '../../electron/simulators/faults';
import type { Rng } from './prng';

export type ProviderId = 'atome' | 'orangepill';
export type Outcome = 'paid' | 'failed' | 'expired' | 'cancel';
/** During create: the create request is on its way (held by a latency fault) when the host dies. */
export type Crash = 'none' | 'during_create' | 'while_awaiting';

export interface PaymentPlan {
  readonly index: number;
  readonly provider: ProviderId;
  readonly amountMinor: number;
  readonly faults: readonly FaultRule[];
  readonly outcome: Outcome;
  readonly crash: Crash;
  /** For a crash while awaiting: the customer acts while the host is down. */
  readonly settleWhileDown: boolean;
}

/** The API paths each provider's client uses: create, status (and Opn's QR download), cancel. */
const PATHS: Record<ProviderId, { create: FaultRule; status: FaultRule; cancel: FaultRule }> = {
  atome: {
    create: { fault: { kind: 'reset' }, method: 'POST', pathPrefix: '/charges' },
    status: { fault: { kind: 'reset' }, method: 'GET', pathPrefix: '/charges/' },
    // Rules are consumed in order: by the time the cashier cancels, the create POST is long done.
    cancel: { fault: { kind: 'reset' }, method: 'POST', pathPrefix: '/charges/' },
  },
  orangepill: {
    create: { fault: { kind: 'reset' }, method: 'POST', pathPrefix: '/v1/apps/payment' },
    status: { fault: { kind: 'reset' }, method: 'GET', pathPrefix: '/v1/apps/payment/' },
    cancel: { fault: { kind: 'reset' }, method: 'DELETE', pathPrefix: '/v1/apps/payment/' },
  },
};

function randomFault(rng: Rng): FaultRule['fault'] {
  switch (rng.int(0, 4)) {
    case 0:
      return { kind: 'latency', ms: rng.int(50, 1500) };
    case 1:
      return { kind: 'status', status: rng.pick([500, 502, 503, 504]) };
    case 2:
      return { kind: 'rate_limit', retryAfterSeconds: rng.int(0, 1) };
    case 3:
      return { kind: 'reset' };
    default:
      return { kind: 'commit_then_drop' };
  }
}

/** One payment's script, all decided up front from the seed so a run can be replayed. */
export function planPayment(rng: Rng, index: number): PaymentPlan {
  // Payment 1 always crashes mid-create on Opn, the provider with no idempotency key: the hard case.
  const provider: ProviderId = index === 1 || rng.chance(0.5) ? 'atome' : 'orangepill';
  // Within Atome's SGD limits (1.50 to 3,000.00); Orangepill takes the same amounts.
  const amountMinor = rng.int(150, 80_000);
  const outcome = rng.pick<Outcome>(['paid', 'paid', 'failed', 'expired', 'cancel']);
  // The first few payments always include both kinds of crash, so even a small run has them.
  const crash: Crash = index === 1 ? 'during_create' : index === 3 ? 'while_awaiting' : rng.chance(0.2) ? rng.pick<Crash>(['during_create', 'while_awaiting']) : 'none';
  const faults: FaultRule[] = [];
  const where = PATHS[provider];
  const count = rng.int(0, 3);
  for (let i = 0; i < count; i++) {
    const target = outcome === 'cancel' ? rng.pick([where.create, where.status, where.cancel]) : rng.pick([where.create, where.status]);
    faults.push({ ...target, fault: randomFault(rng) });
  }
  return { index, provider, amountMinor, faults, outcome, crash, settleWhileDown: rng.chance(0.5) };
}

export const createPath = (provider: ProviderId): FaultRule => PATHS[provider].create;
