import { useCashierStore } from '../cashier-store';
import { errorText } from '../sale/sale-words';
import { saidFormat } from './say';
import { useWords } from '../words/use-words';

/**
 * The last refusal, where it is placed: beside the control that caused it (the keypad and Charge,
 * Cancel, New sale), in the cashier's language: the terminal's sentences that come as a `Said`, and the
 * keypad's own refusals; any other sentence from the terminal word for word. The live region is always there, empty until a refusal arrives,
 * so screen readers announce the sentence itself rather than missing a new region.
 */
export function ErrorAlert() {
  const error = useCashierStore((s) => s.error);
  const words = useWords();
  const format = saidFormat(useCashierStore((s) => s.terminal), words.common);
  return (
    <div className="cashier-error__region" role="alert">
      {error !== null && (
        <p className="cashier-error" data-testid="cashier-error">
          {errorText(words, error, format)}
        </p>
      )}
    </div>
  );
}
