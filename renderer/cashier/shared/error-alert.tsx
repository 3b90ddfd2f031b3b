import { useCashierStore } from '../cashier-store';

/**
 * The last refusal, word for word as the terminal gave it, where it is placed: beside the control that
 * caused it (the keypad and Charge, Cancel, New sale). The live region is always there, empty until a
 * refusal arrives, so screen readers announce the sentence itself rather than missing a new region.
 */
export function ErrorAlert() {
  const error = useCashierStore((s) => s.error);
  return (
    <div className="cashier-error__region" role="alert">
      {error !== null && (
        <p className="cashier-error" data-testid="cashier-error">
          {error}
        </p>
      )}
    </div>
  );
}
