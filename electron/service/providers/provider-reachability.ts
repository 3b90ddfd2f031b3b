import type { DeviceReport } from '../../../app/ipc/devices';
import type { PaymentProvider, ProviderError } from '../../../app/providers/provider';
import { assertNever } from '../../../app/util/assert-never';
import type { Result } from '../../../app/util/result';

const clock = (at: number, locale: string): string => new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A provider's name inside a sentence: "The demo provider" is "the demo provider" there; proper names stay. */
const inSentence = (name: string): string => name.replace(/^The /, 'the ');

/** What the last answer (or the lack of one) says about reaching the provider. */
export function reachabilityReport(name: string, error: ProviderError | null, at: number, locale: string): DeviceReport {
  if (error === null) return { health: 'ok', summary: name, detail: `${name} answered at ${clock(at, locale)}.` };
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return { health: 'fault', summary: `No connection to ${inSentence(name)}`, detail: `${error.message}. Pending payments stay pending until ${inSentence(name)} answers.` };
    case 'server':
    case 'rate_limited':
      return { health: 'attention', summary: `${name} is having trouble`, detail: `${error.message}.` };
    case 'auth':
      return { health: 'fault', summary: `${name} refused the key`, detail: `${error.message}.` };
    case 'invalid_response':
      return { health: 'attention', summary: `${name} answered strangely`, detail: `${error.message}. Check the payment with ${inSentence(name)}.` };
    case 'rejected':
    case 'not_found':
    case 'outcome_unknown':
      // A refusal is still an answer, and so is one that hides a payment's outcome: the provider is there.
      return { health: 'ok', summary: name, detail: `${name} answered at ${clock(at, locale)}.` };
    default:
      return assertNever(error.kind, 'provider error kind');
  }
}

/**
 * The same provider, telling `report` how each request went, so the device bar shows whether the
 * provider can be reached without asking it anything extra.
 */
export function withReachability(
  provider: PaymentProvider,
  report: (error: ProviderError | null) => void,
): PaymentProvider {
  const watch = async <T>(call: Promise<Result<T, ProviderError>>): Promise<Result<T, ProviderError>> => {
    const result = await call;
    report(result.ok ? null : result.error);
    return result;
  };
  const refund = provider.refund;
  return {
    method: provider.method,
    checkAmount: (amount) => provider.checkAmount(amount),
    create: (request) => watch(provider.create(request)),
    status: (ref) => watch(provider.status(ref)),
    cancel: (ref) => watch(provider.cancel(ref)),
    findByReference: (reference) => watch(provider.findByReference(reference)),
    ...(provider.idempotentCreate === true ? { idempotentCreate: true as const } : {}),
    ...(refund === undefined ? {} : { refund: (ref, amount, paidAt) => watch(refund(ref, amount, paidAt)) }),
  };
}
