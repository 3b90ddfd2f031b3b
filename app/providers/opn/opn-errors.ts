import { keyRefused, notFound, providerRejected, rateLimited, transportFailure } from '../provider-errors';
import type { ProviderError } from '../provider';
import type { OpnError } from './opn-api';

/** Opn's own words are shown to the cashier, so they are cut short and scrubbed of any credential. */
const MAX_DETAIL_CHARS = 200;

const OPN_LABEL = 'Opn';

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.replaceAll(secret, '[redacted]');
  return out.length > MAX_DETAIL_CHARS ? `${out.slice(0, MAX_DETAIL_CHARS - 1)}\u2026` : out;
}

export function transportError(timeout: boolean, ambiguous: boolean): ProviderError {
  return transportFailure(OPN_LABEL, timeout, ambiguous);
}

export function unreadable(ambiguous: boolean): ProviderError {
  return {
    kind: 'invalid_response',
    message: `${OPN_LABEL} sent a response the terminal cannot read`,
    said: { area: 'payment', kind: 'unreadable_answer', provider: OPN_LABEL },
    ambiguous,
  };
}

export interface HttpFailure {
  readonly status: number;
  /** Opn's error object, when the body was one. */
  readonly error: OpnError | null;
  readonly retryAfter: string | null;
  /** True for requests that change something (POST): a lost or failed answer may hide a change. */
  readonly mayHaveTakenEffect: boolean;
}

/** Turns an Opn error answer into a typed error with a sentence the cashier can act on. */
export function opnHttpError(failure: HttpFailure, secrets: readonly string[], now: number): ProviderError {
  const { status, error } = failure;
  const detail = redact(error?.message ?? `HTTP ${status}`, secrets);
  const code = error?.code ?? '';
  if (status === 401 || code === 'authentication_failure') {
    return keyRefused(OPN_LABEL, 'secret_key');
  }
  if (status === 403) {
    return {
      kind: 'auth',
      message: `${OPN_LABEL} refused access for this account: ${detail}`,
      said: { area: 'payment', kind: 'access_refused', provider: OPN_LABEL, detail },
      ambiguous: false,
    };
  }
  if (status === 404 || code === 'not_found') return notFound(OPN_LABEL, detail);
  if (status === 429) return rateLimited(OPN_LABEL, failure.retryAfter, now);
  if (status >= 500) {
    return {
      kind: 'server',
      message: `${OPN_LABEL} is having trouble \u2014 retrying`,
      said: { area: 'payment', kind: 'provider_trouble', provider: OPN_LABEL, httpStatus: null },
      ambiguous: failure.mayHaveTakenEffect,
    };
  }
  return providerRejected(OPN_LABEL, code === 'invalid_charge' ? 'charge' : code === 'failed_refund' ? 'refund' : 'request', detail);
}
