import type { Money } from '../../app/money/money';
import { formatAmount } from '../shared/format-amount';
import { useDisplayStore } from './display-store';

/** No sale under way. */
export function IdleView({ merchantName }: { readonly merchantName: string }) {
  return (
    <div className="message-view">
      <p className="display__merchant display__merchant--large">{merchantName}</p>
      <p className="display__headline">Welcome</p>
    </div>
  );
}

/** A sale whose QR is not ready (or not available) yet. */
export function WaitView({ amount, text }: { readonly amount: Money; readonly text: string }) {
  const terminal = useDisplayStore((s) => s.terminal);
  return (
    <div className="message-view">
      <p className="display__amount">{formatAmount(amount, terminal?.locale)}</p>
      <p className="display__merchant">{terminal?.merchantName}</p>
      <p className="display__headline display__headline--quiet">{text}</p>
    </div>
  );
}

/** The outcome, in a few plain words. */
export function OutcomeView({ mark, headline, text }: { readonly mark: 'tick' | null; readonly headline: string; readonly text: string | null }) {
  return (
    <div className={`message-view ${mark === 'tick' ? 'message-view--paid' : ''}`}>
      {mark === 'tick' && (
        <span className="display__tick" aria-hidden="true">
          ✓
        </span>
      )}
      <p className="display__headline">{headline}</p>
      {text !== null && <p className="display__subline">{text}</p>}
    </div>
  );
}
