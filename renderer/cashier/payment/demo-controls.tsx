import type { DemoOutcome, SimulatorControls } from '../../../app/payment/method';
import { assertNever } from '../../../app/util/assert-never';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import './demo-controls.css';

function outcomeLabel(outcome: DemoOutcome): string {
  switch (outcome) {
    case 'paid':
      return 'Simulate paid';
    case 'failed':
      return 'Simulate failed';
    case 'expired':
      return 'Simulate expired';
    case 'partial':
      return 'Simulate partial payment';
    case 'overpaid':
      return 'Simulate overpaid';
    case 'late':
      return 'Simulate paid late';
    case 'error':
      return 'Simulate error';
    default:
      return assertNever(outcome, 'demo outcome');
  }
}

/** Which failure "Simulate failed" reports: the cashier's pick if the simulator knows it, else its first. */
function chosenFailureCode(simulator: SimulatorControls, picked: string | null): string | undefined {
  const codes = simulator.failureCodes.map((f) => f.code);
  return picked !== null && codes.includes(picked) ? picked : codes[0];
}

function FailureCodePicker({ simulator, value }: { readonly simulator: SimulatorControls; readonly value: string }) {
  const setFailureCode = useCashierStore((s) => s.setFailureCode);
  return (
    <select
      className="demo-controls__select"
      data-testid="demo-failure-code"
      aria-label="Failure to simulate"
      value={value}
      onChange={(event) => setFailureCode(event.target.value)}
    >
      {simulator.failureCodes.map(({ code, label }) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A simulated method only: plays the customer's side, since no real wallet will. */
export function DemoControls({ simulator }: { readonly simulator: SimulatorControls }) {
  const actions = useActions();
  const failureCode = chosenFailureCode(simulator, useCashierStore((s) => s.failureCode));
  return (
    <div className="demo-controls" role="group" aria-label="Demo controls">
      {simulator.outcomes.map((outcome) => {
        const button = (
          <button
            key={outcome}
            type="button"
            className="button button--demo"
            data-testid={`demo-${outcome}`}
            onClick={() => void actions.simulate(outcome, outcome === 'failed' ? failureCode : undefined)}
          >
            {outcomeLabel(outcome)}
          </button>
        );
        if (outcome !== 'failed' || failureCode === undefined) return button;
        return (
          <div key={outcome} className="demo-controls__row">
            {button}
            <FailureCodePicker simulator={simulator} value={failureCode} />
          </div>
        );
      })}
    </div>
  );
}
