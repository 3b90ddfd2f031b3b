import type { RequestLookup } from '../../../app/ipc/contract';
import { formatAmount } from '../../shared/format-amount';

/** A date and time in the terminal's locale; the browser's own if it does not know that one. */
function formatTime(at: number, locale: string): string {
  try {
    return new Date(at).toLocaleString(locale);
  } catch {
    return new Date(at).toLocaleString();
  }
}

/** What Orangepill holds for the request the customer's QR names. */
export function LookupResult({ lookup, locale }: { readonly lookup: RequestLookup; readonly locale: string }) {
  return (
    <dl className="lookup__result" data-testid="lookup-result" data-status={lookup.status}>
      <dt>Status</dt>
      <dd className="lookup__status" data-testid="lookup-status">
        {lookup.statusLabel}
      </dd>
      <dt>Amount</dt>
      <dd data-testid="lookup-amount">{lookup.amount === null ? 'Not stated' : formatAmount(lookup.amount, locale)}</dd>
      <dt>Order</dt>
      <dd data-testid="lookup-order">{lookup.order ?? 'None'}</dd>
      <dt>Code</dt>
      <dd className="lookup__code" data-testid="lookup-code">
        {lookup.code}
      </dd>
      {lookup.createdAt !== null && (
        <>
          <dt>Created</dt>
          <dd>{formatTime(lookup.createdAt, locale)}</dd>
        </>
      )}
    </dl>
  );
}
