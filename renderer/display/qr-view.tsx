import { useRef } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import type { Payment, QrCode } from '../../app/payment/payment';
import { formatCountdown, remainingMs } from '../shared/countdown';
import { DemoBanner } from '../shared/demo-banner';
import { formatAmount } from '../shared/format-amount';
import { useNow } from '../shared/use-now';
import { useDisplayStore } from './display-store';
import { DEMO_LABEL } from './demo-label';
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

/** Amount on top, then the QR as large as the screen allows: the one thing the customer needs. */
export function QrView({ payment, qr }: { readonly payment: Payment; readonly qr: QrCode }) {
  const terminal = useDisplayStore((s) => s.terminal);
  const slot = useRef<HTMLDivElement>(null);
  const size = useFitSize(slot);
  const instruction = terminal?.methods.find((m) => m.id === payment.method)?.instruction ?? 'Scan the QR code to pay';

  return (
    <div className="qr-view">
      <header className="qr-view__text">
        <p className="display__amount" data-testid="display-amount">
          {formatAmount(payment.amount, terminal?.locale)}
        </p>
        <p className="display__merchant">{terminal?.merchantName}</p>
        <p className="display__instruction">{instruction}</p>
      </header>
      <div className="qr-view__slot" ref={slot}>
        <div className="qr" data-testid="qr" data-payload={qr.payload} style={{ width: size, height: size }}>
          {size > 0 && (
            <QRCodeSVG
              value={qr.payload}
              size={size}
              level="M"
              marginSize={4}
              bgColor="#FFFFFF"
              fgColor="#000000"
              title={`QR code to pay ${formatAmount(payment.amount, terminal?.locale)}`}
            />
          )}
        </div>
      </div>
      {/* The demo label sits in the flow here, beside the countdown, so it can never cover the amount or the QR. */}
      <footer className="qr-view__footer">
        {terminal?.demo === true && <DemoBanner className="display__demo display__demo--inline" text={DEMO_LABEL} />}
        <ExpiryLine expiresAt={payment.expiresAt} />
      </footer>
    </div>
  );
}
