import { useEffect, useState } from 'react';
import { qrExpired } from '../../app/engine/parking-rules';
import type { Payment } from '../../app/payment/payment';
import { useDisplayStore } from './display-store';

/**
 * True once the sale's QR has run out on the host's clock while its outcome is still open: the display
 * takes the QR down then, whatever the provider says (it may be unreachable). Wakes once, at expiry.
 */
export function useQrExpired(payment: Payment | null): boolean {
  const clockOffsetMs = useDisplayStore((s) => s.clockOffsetMs);
  const [, wake] = useState(0);
  const expiresAt = payment?.expiresAt ?? null;
  useEffect(() => {
    if (expiresAt === null) return;
    const left = expiresAt - (Date.now() + clockOffsetMs);
    if (left < 0) return;
    const timer = setTimeout(() => wake((n) => n + 1), left + 1);
    return () => clearTimeout(timer);
  }, [expiresAt, clockOffsetMs]);
  return payment !== null && qrExpired(payment, Date.now() + clockOffsetMs);
}
