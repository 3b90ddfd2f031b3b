import { useActions } from './actions-context';
import type { DemoOutcome } from './cashier-actions';

const OUTCOMES: ReadonlyArray<readonly [DemoOutcome, string]> = [
  ['paid', 'Simulate paid'],
  ['failed', 'Simulate failed'],
  ['expired', 'Simulate expired'],
];

/** Demo mode only: plays the customer's side, since no real wallet will. */
export function DemoControls() {
  const actions = useActions();
  return (
    <div className="demo-controls" role="group" aria-label="Demo controls">
      {OUTCOMES.map(([outcome, label]) => (
        <button
          key={outcome}
          type="button"
          className="button button--demo"
          data-testid={`demo-${outcome}`}
          onClick={() => void actions.simulate(outcome)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
