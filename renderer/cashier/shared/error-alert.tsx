import { useCashierStore } from '../cashier-store';

/** The last refusal, word for word as the terminal gave it. */
export function ErrorAlert() {
  const error = useCashierStore((s) => s.error);
  if (error === null) return null;
  return (
    <p className="cashier-error" role="alert" data-testid="cashier-error">
      {error}
    </p>
  );
}
