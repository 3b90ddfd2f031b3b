import { useRef } from 'react';
import type { Money } from '../../app/money/money';
import type { Payment, QrCode as QrCodeData } from '../../app/payment/payment';
import { formatCountdown, remainingMs } from '../shared/countdown';
import { DemoBanner } from '../shared/demo-banner';
import { formatAmount } from '../shared/format-amount';
import { findMethod } from '../shared/payment-figures';
import { useNow } from '../shared/use-now';
import { useDisplayStore } from './display-store';
import { DEMO_LABEL } from './demo-label';
import { QrCode } from './qr-code';
import { useFitSize } from './use-fit-size';

/** The countdown appears only near the end, so it hurries nobody who has time. */
const COUNTDOWN_FROM_MS = 2 * 60 * 1000;

function ExpiryLine({ expiresAt }: { readonly expiresAt: number | null }) {
  const clockOffsetMs = useDisplayStore((s) => s.clockOffsetMs);
  const now = useNow();
  if (expiresAt === null) return null;
  const left = remainingMs(expiresAt, now, clockOffsetMs);
  if (left > COUNTDOWN_FROM_MS) return null;
  return <span data-testid="display-countdown">QR code expires in {formatCountdown(left)}</span>;
}

export interface QrViewProps {
  readonly payment: Payment;
  readonly qr: QrCodeData;
  /** Set once part has been paid: the rest, shown instead of the full amount. */
  readonly outstanding?: Money;
}

/** Amount on top, then the QR as large as the screen allows: the one thing the customer needs. */
export function QrView({ payment, qr, outstanding }: QrViewProps) {
  const terminal = useDisplayStore((s) => s.terminal);
  const slot = useRef<HTMLDivElement>(null);
  const size = useFitSize(slot);
  const instruction = findMethod(terminal, payment.method)?.instruction ?? 'Scan the QR code to pay';
  const due = outstanding ?? payment.amount;

  return (
    <div className="qr-view">
      <header className="qr-view__text">
        {outstanding !== undefined && (
          <p className="display__still-to-pay" data-testid="display-still-to-pay">
            Still to pay
          </p>
        )}
        <p className="display__amount" data-testid="display-amount">
          {formatAmount(due, terminal?.locale)}
        </p>
        <p className="display__merchant">{terminal?.merchantName}</p>
        <p className="display__instruction">{instruction}</p>
      </header>
      <div className="qr-view__slot" ref={slot}>
        <QrCode qr={qr} size={size} title={`QR code to pay ${formatAmount(due, terminal?.locale)}`} />
      </div>
      {/* The demo label sits in the flow here, beside the countdown, so it can never cover the amount or the QR. */}
      <footer className="qr-view__footer">
        {terminal?.demo === true && <DemoBanner className="display__demo display__demo--inline" text={DEMO_LABEL} />}
        <ExpiryLine expiresAt={payment.expiresAt} />
      </footer>
    </div>
  );
}
