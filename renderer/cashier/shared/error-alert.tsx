import { useCashierStore } from '../cashier-store';
import { errorText } from '../sale/sale-words';
import { useWords } from '../words/use-words';

/**
 * The last refusal, where it is placed: beside the control that caused it (the keypad and Charge,
 * Cancel, New sale). The terminal's sentence is shown word for word; the keypad's own refusals are
 * said in the cashier's language. The live region is always there, empty until a refusal arrives,
 * so screen readers announce the sentence itself rather than missing a new region.
 */
export function ErrorAlert() {
  const error = useCashierStore((s) => s.error);
  const words = useWords();
  return (
    <div className="cashier-error__region" role="alert">
      {error !== null && (
        <p className="cashier-error" data-testid="cashier-error">
          {errorText(words, error)}
        </p>
      )}
    </div>
  );
}
