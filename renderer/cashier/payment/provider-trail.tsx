import './provider-trail.css';
import type { ProviderTrail } from '../../../app/payment/payment';

const time = (at: number | null, locale: string | undefined): string =>
  at === null ? '—' : new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The provider's own history of the payment (Orangepill's status log and related transactions). */
export function ProviderTrailView({ trail, locale }: { readonly trail: ProviderTrail; readonly locale: string | undefined }) {
  return (
    <section className="trail" aria-label="Provider history">
      <h3 className="trail__title">Provider history</h3>
      <ol className="trail__log" data-testid="provider-log">
        {trail.log.map((entry, index) => (
          <li key={`${entry.status}-${index}`}>
            <span className="trail__status">{entry.status}</span> <span className="trail__time">{time(entry.at, locale)}</span>
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
    </section>
  );
}
