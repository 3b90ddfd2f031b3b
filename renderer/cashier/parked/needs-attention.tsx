import { useCallback, useEffect } from 'react';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { NeedsAttentionPanel } from './needs-attention-panel';
import { settledNews } from './parked-words';
import { selectParkedCount, useParkedStore } from './parked-store';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import './parked.css';

/**
 * The cashier screen's Needs attention badge, counting the parked sales, and the list behind it. It
 * keeps the parked sales' store in step with main while the counter is open.
 */
export function NeedsAttention() {
  const { parked } = useActions();
  const connection = useCashierStore((s) => s.connection);
  const count = useParkedStore(selectParkedCount);
  const open = useParkedStore((s) => s.listOpen);
  const setListOpen = useParkedStore((s) => s.setListOpen);
  const close = useCallback(() => setListOpen(false), [setListOpen]);
  const words = useWords().parked;

  useEffect(() => parked.follow(), [parked]);
  // Read afresh each time the connection opens: what changed while it was down is not missed.
  useEffect(() => {
    if (connection === 'connected') void parked.load();
  }, [connection, parked]);

  return (
    <>
      {count > 0 && (
        <button
          type="button"
          className="button needs-attention__badge"
          data-testid="needs-attention-open"
          aria-label={words.badgeLabel(count)}
          onClick={() => setListOpen(true)}
          // Enter here opens the list; it must not reach the screen's "Enter charges" key.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.stopPropagation();
          }}
        >
          {words.needsAttention}{' '}
          <span className="needs-attention__count" data-testid="needs-attention-count">
            {count}
          </span>
        </button>
      )}
      {open && <NeedsAttentionPanel onClose={close} />}
    </>
  );
}

/** A banner for each parked sale that ended by itself, which stays until the cashier has seen it. */
export function ParkedNews() {
  const { parked } = useActions();
  const locale = useCashierStore((s) => s.terminal?.locale);
  const settled = useParkedStore((s) => s.sales.settled);
  const busy = useParkedStore((s) => s.busy);
  const setListOpen = useParkedStore((s) => s.setListOpen);
  const words = useWords().parked;
  const say = useSay();
  if (settled.length === 0) return null;
  return (
    <ul className="parked-news" aria-label={words.newsLabel}>
      {settled.map((payment) => (
        <li key={payment.id} className="parked-news__item" role="alert" data-testid="parked-news" data-id={payment.id} data-status={payment.state.status}>
          <span>{settledNews(payment, locale, words, say)}</span>
          <button type="button" className="button button--secondary" data-testid="parked-news-open" onClick={() => setListOpen(true)}>
            {words.details}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="parked-news-ack"
            disabled={busy[payment.id] !== undefined}
            onClick={() => void parked.acknowledge(payment.id)}
          >
            {words.seen}
          </button>
        </li>
      ))}
    </ul>
  );
}
