import type { PaymentSaid } from '../../../app/i18n/said/payment';
import type { DemoOutcome, MethodId, SimulatorControls } from '../../../app/payment/method';
import { isDemoFailureCode } from '../../../app/providers/demo/demo-failures';
import { isOpnFailureCode } from '../../../app/providers/opn/opn-failures';
import { isOpnMethodId } from '../../../app/providers/opn/opn-methods';
import { assertNever } from '../../../app/util/assert-never';
import { useSay } from '../shared/use-say';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import type { PaymentWords } from '../words/payment';
import { useWords } from '../words/use-words';
import './demo-controls.css';

function outcomeLabel(outcome: DemoOutcome, words: PaymentWords): string {
  switch (outcome) {
    case 'paid':
      return words.demo.paid;
    case 'failed':
      return words.demo.failed;
    case 'expired':
      return words.demo.expired;
    case 'partial':
      return words.demo.partial;
    case 'overpaid':
      return words.demo.overpaid;
    case 'late':
      return words.demo.late;
    case 'error':
      return words.demo.error;
    default:
      return assertNever(outcome, 'demo outcome');
  }
}

/** Which failure "Simulate failed" reports: the cashier's pick if the simulator knows it, else its first. */
function chosenFailureCode(simulator: SimulatorControls, picked: string | null): string | undefined {
  const codes = simulator.failureCodes.map((f) => f.code);
  return picked !== null && codes.includes(picked) ? picked : codes[0];
}

/** The failure a code will give, as the result screen will say it: the same Said the provider's client sends. */
function failureSaid(method: MethodId, code: string): PaymentSaid | undefined {
  if (isOpnMethodId(method) && isOpnFailureCode(code)) return { area: 'payment', kind: 'opn_failure', code, method };
  if (method === 'demo' && isDemoFailureCode(code)) return { area: 'payment', kind: 'demo_failure', code };
  return undefined;
}

function FailureCodePicker({ simulator, method, value }: { readonly simulator: SimulatorControls; readonly method: MethodId; readonly value: string }) {
  const setFailureCode = useCashierStore((s) => s.setFailureCode);
  const words = useWords().payment;
  const say = useSay();
  return (
    <select
      className="demo-controls__select"
      data-testid="demo-failure-code"
      aria-label={words.demo.failureToSimulate}
      value={value}
      onChange={(event) => setFailureCode(event.target.value)}
    >
      {simulator.failureCodes.map(({ code, label }) => (
        <option key={code} value={code}>
          {say({ message: label, said: failureSaid(method, code) })}
        </option>
      ))}
    </select>
  );
}

/** A simulated method only: plays the customer's side, since no real wallet will. */
export function DemoControls({ simulator, method }: { readonly simulator: SimulatorControls; readonly method: MethodId }) {
  const actions = useActions();
  const failureCode = chosenFailureCode(simulator, useCashierStore((s) => s.failureCode));
  const words = useWords().payment;
  return (
    <div className="demo-controls" role="group" aria-label={words.demo.group}>
      {simulator.outcomes.map((outcome) => {
        const button = (
          <button
            key={outcome}
            type="button"
            className="button button--demo"
            data-testid={`demo-${outcome}`}
            onClick={() => void actions.simulate(outcome, outcome === 'failed' ? failureCode : undefined)}
          >
            {outcomeLabel(outcome, words)}
          </button>
        );
        if (outcome !== 'failed' || failureCode === undefined) return button;
        return (
          <div key={outcome} className="demo-controls__row">
            {button}
            <FailureCodePicker simulator={simulator} method={method} value={failureCode} />
          </div>
        );
      })}
    </div>
  );
}
