import './provider-trail.css';
import type { ProviderTrail } from '../../../app/payment/payment';
import { useWords } from '../words/use-words';
import { trailStatusText } from './trail-words';

const time = (at: number | null, locale: string | undefined): string =>
  at === null ? '—' : new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The provider's own history of the payment (only Orangepill keeps one: its status log and related
 * transactions). The cashier reads each step in words; the provider's codes and transaction ids, which
 * only its support desk needs, are under Details.
 */
export function ProviderTrailView({ trail, locale }: { readonly trail: ProviderTrail; readonly locale: string | undefined }) {
  const words = useWords().payment;
  return (
    <section className="trail" aria-label={words.providerHistory}>
      <h3 className="trail__title">{words.providerHistory}</h3>
      <ol className="trail__log" data-testid="provider-log">
        {trail.log.map((entry, index) => (
          <li key={`${entry.status}-${index}`}>
            <span className="trail__status">{trailStatusText(entry.status, words)}</span> <span className="trail__time">{time(entry.at, locale)}</span>
          </li>
        ))}
      </ol>
      <details className="trail__details" data-testid="provider-trail-details">
        <summary>{words.trail.details}</summary>
        <ol className="trail__log" data-testid="provider-codes">
          {trail.log.map((entry, index) => (
            <li key={`${entry.status}-${index}`}>
              <code>{entry.status}</code> <span className="trail__time">{time(entry.at, locale)}</span>
            </li>
          ))}
        </ol>
        {trail.related.length > 0 && (
          <ul className="trail__related" data-testid="provider-related">
            {trail.related.map((entry) => (
              <li key={`${entry.type}-${entry.value}`}>
                {entry.type} <code>{entry.value}</code> <span className="trail__time">{time(entry.at, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
