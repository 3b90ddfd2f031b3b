import { formatCountdown, secondsLeft } from '../../../app/payment/countdown';
import { useNow } from '../../shared/use-now';

/** Time left on the QR, on the host's clock. */
export function Countdown({ expiresAt, clockOffsetMs }: { readonly expiresAt: number; readonly clockOffsetMs: number }) {
  const now = useNow();
  return (
    <span className="countdown" data-testid="countdown">
      {formatCountdown(secondsLeft(expiresAt, now + clockOffsetMs))}
    </span>
  );
}
