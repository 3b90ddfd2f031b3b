import { useState } from 'react';
import { parkRefusal, qrExpired } from '../../../app/engine/parking-rules';
import type { Payment } from '../../../app/payment/payment';
import { findMethod } from '../../shared/payment-figures';
import { useNow } from '../../shared/use-now';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import { clockTime, providerInSentence } from '../parked/parked-words';
import '../parked/parked.css';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import type { Told } from '../shared/told';

/**
 * On a sale still open: once its QR has run out, that it has (the customer display took it down) and
 * that the outcome is still being checked; and once its outcome cannot be learned now, the way to set
 * it aside so the counter takes the next sale. Parking never closes it: it is still followed.
 */
export function ParkControl({ payment }: { readonly payment: Payment }) {
  const terminal = useCashierStore((s) => s.terminal);
  const clockOffsetMs = useCashierStore((s) => s.clockOffsetMs);
  const resetEntry = useCashierStore((s) => s.resetEntry);
  const now = useNow(500) + clockOffsetMs;
  const { parked } = useActions();
  const [sending, setSending] = useState(false);
  const [refused, setRefused] = useState<Told | null>(null);
  const say = useSay();
  const words = useWords().payment;
  const expired = qrExpired(payment, now);
  const parkable = parkRefusal(payment, now) === null;
  if (!expired && !parkable) return null;
  const provider = providerInSentence(findMethod(terminal, payment.method)?.provider ?? words.theProvider);

  const park = async (): Promise<void> => {
    setSending(true);
    setRefused(null);
    const result = await parked.park(payment.id);
    setSending(false);
    // Parked: the counter's next event clears this screen, and the next sale is keyed from nothing,
    // as after New sale. A refusal stays here, as main told it, worded in the cashier's language.
    if (result.ok) resetEntry();
    else setRefused(result.error);
  };

  return (
    <div className="park" data-testid="park-control">
      {expired && payment.expiresAt !== null && (
        <p className="park__expired" role="status" data-testid="qr-expired-note">
          {words.park.qrExpired(clockTime(payment.expiresAt, terminal?.locale), provider)}
        </p>
      )}
      {parkable && (
        <>
          <p className="park__why">{words.park.why}</p>
          <button type="button" className="button button--park" data-testid="park-sale" disabled={sending} onClick={() => void park()}>
            {sending ? words.park.parking : words.park.parkSale}
          </button>
        </>
      )}
      {refused !== null && (
        <p className="cashier-error" role="alert" data-testid="park-error">
          {say(refused)}
        </p>
      )}
    </div>
  );
}
