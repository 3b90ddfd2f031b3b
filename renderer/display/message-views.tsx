import { formatTimeIn } from '../../app/i18n';
import type { Money } from '../../app/money/money';
import { useNow } from '../shared/use-now';
import { useDisplayStore } from './display-store';
import { AmountLine } from './amount-line';
import { useWords } from './use-words';
import { Words, type PickWords } from './words';

/** The time of day, so an idle screen looks alive and useful; re-read often enough to turn over on the minute. */
function Clock() {
  const now = useNow(1000);
  const { primary } = useWords();
  return (
    <p className="display__clock" data-testid="display-clock" lang={primary.language}>
      {formatTimeIn(primary.language, now)}
    </p>
  );
}

/** No sale under way: the shop's name, a welcome and the time. */
export function IdleView({ merchantName }: { readonly merchantName: string }) {
  return (
    <div className="message-view">
      <p className="display__merchant display__merchant--large">{merchantName}</p>
      <Words className="display__headline" pick={(w) => w.welcome} testId="display-welcome" />
      <Clock />
    </div>
  );
}

/** A sale whose QR is not ready (or not available) yet. */
export function WaitView({ amount, pick }: { readonly amount: Money; readonly pick: PickWords }) {
  const merchantName = useDisplayStore((s) => s.terminal?.merchantName);
  return (
    <div className="message-view">
      <AmountLine amount={amount} testId="display-amount" />
      <p className="display__merchant">{merchantName}</p>
      <Words className="display__headline display__headline--quiet" pick={pick} />
    </div>
  );
}

export interface OutcomeViewProps {
  readonly mark: 'tick' | null;
  readonly headline: PickWords;
  readonly text: PickWords | null;
  /** What was paid, shown large under the thanks, so the customer sees the sum the screen confirms. */
  readonly amount?: Money;
}

/** The outcome, in a few plain words. */
export function OutcomeView({ mark, headline, text, amount }: OutcomeViewProps) {
  return (
    <div className={`message-view ${mark === 'tick' ? 'message-view--paid' : ''}`}>
      {mark === 'tick' && (
        <span className="display__tick" aria-hidden="true" data-testid="display-tick">
          ✓
        </span>
      )}
      <Words className="display__headline" pick={headline} testId="display-headline" />
      {amount !== undefined && <AmountLine amount={amount} testId="display-amount" />}
      {text !== null && <Words className="display__subline" pick={text} />}
    </div>
  );
}
