import type { RequestLookup } from '../../../app/ipc/contract';
import { formatAmount } from '../../shared/format-amount';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';

/** A date and time in the terminal's locale; the browser's own if it does not know that one. */
function formatTime(at: number, locale: string): string {
  try {
    return new Date(at).toLocaleString(locale);
  } catch {
    return new Date(at).toLocaleString();
  }
}

/** What Orangepill holds for the request the customer's QR names; its status in plain words, in the cashier's language where the terminal said it so. */
export function LookupResult({ lookup, locale }: { readonly lookup: RequestLookup; readonly locale: string }) {
  const words = useWords().lookup;
  const say = useSay();
  return (
    <dl className="lookup__result" data-testid="lookup-result" data-status={lookup.status}>
      <dt>{words.status}</dt>
      <dd className="lookup__status" data-testid="lookup-status">
        {say({ message: lookup.statusLabel, said: lookup.statusSaid })}
      </dd>
      <dt>{words.amount}</dt>
      <dd data-testid="lookup-amount">{lookup.amount === null ? words.notStated : formatAmount(lookup.amount, locale)}</dd>
      <dt>{words.order}</dt>
      <dd data-testid="lookup-order">{lookup.order ?? words.none}</dd>
      <dt>{words.code}</dt>
      <dd className="lookup__code" data-testid="lookup-code">
        {lookup.code}
      </dd>
      {lookup.createdAt !== null && (
        <>
          <dt>{words.created}</dt>
          <dd>{formatTime(lookup.createdAt, locale)}</dd>
        </>
      )}
    </dl>
  );
}
