import { AsyncLocalStorage } from 'node:async_hooks';
import type { PaymentProvider } from '../../../app/providers/provider';

/** What the provider answered to the refund made inside `withRefundReceipt`. */
interface Receipt {
  refundId: string | null;
}

const receipts = new AsyncLocalStorage<Receipt>();

/**
 * The same provider, handing each refund's id to the command that asked for it. The engine answers a
 * refund with the payment only, and two screens may refund at once: the id travels with the caller's
 * own async context, so each command gets its own refund's id and never the other's.
 */
export function withRefundIds(provider: PaymentProvider): PaymentProvider {
  const refund = provider.refund;
  if (refund === undefined) return provider;
  return {
    method: provider.method,
    checkAmount: (amount) => provider.checkAmount(amount),
    create: (request) => provider.create(request),
    status: (ref) => provider.status(ref),
    cancel: (ref) => provider.cancel(ref),
    findByReference: (reference) => provider.findByReference(reference),
    ...(provider.idempotentCreate === true ? { idempotentCreate: true as const } : {}),
    refund: async (ref, amount, paidAt) => {
      const result = await refund(ref, amount, paidAt);
      const receipt = receipts.getStore();
      if (receipt !== undefined && result.ok) receipt.refundId = result.value.refundId;
      return result;
    },
  };
}

/** Runs `refund` and gives back the provider's id for the refund it made, when the provider gave one. */
export async function withRefundReceipt<T>(refund: () => Promise<T>): Promise<{ readonly value: T; readonly refundId: string | null }> {
  const receipt: Receipt = { refundId: null };
  const value = await receipts.run(receipt, refund);
  return { value, refundId: receipt.refundId };
}
