import { useRef } from 'react';
import type { Money } from '../../app/money/money';
import { formatCountdown, msLeft, secondsLeft } from '../../app/payment/countdown';
import type { Payment, QrCode as QrCodeData } from '../../app/payment/payment';
import { DemoBanner } from '../shared/demo-banner';
import { useNow } from '../shared/use-now';
import { countdownVisible } from './display-layout';
import { useDisplayStore } from './display-store';
import { QrCode } from './qr-code';
import { useFitSize } from './use-fit-size';
import { useFormatAmount, useWords } from './use-words';
import { Words } from './words';

function ExpiryLine({ expiresAt }: { readonly expiresAt: number | null }) {
  const clockOffsetMs = useDisplayStore((s) => s.clockOffsetMs);
  const now = useNow();
  if (expiresAt === null) return null;
  // Time left on the host's clock: the local clock plus the offset measured against it.
  const hostNow = now + clockOffsetMs;
  if (!countdownVisible(msLeft(expiresAt, hostNow))) return null;
  const time = formatCountdown(secondsLeft(expiresAt, hostNow));
  return <Words className="display__countdown" pick={(w) => w.expiresIn(time)} testId="display-countdown" />;
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
  const { primary } = useWords();
  const format = useFormatAmount();
  const slot = useRef<HTMLDivElement>(null);
  const size = useFitSize(slot);
  const due = format(outstanding ?? payment.amount);

  return (
    <div className="qr-view">
      <header className="qr-view__text">
        {outstanding !== undefined && <Words className="display__still-to-pay" pick={(w) => w.stillToPay} testId="display-still-to-pay" />}
        <p className="display__amount" data-testid="display-amount">
          {due}
        </p>
        <p className="display__merchant">{terminal?.merchantName}</p>
        <Words className="display__instruction" pick={(w) => w.instructions[payment.method]} testId="display-instruction" />
      </header>
      <div className="qr-view__slot" ref={slot}>
        <QrCode qr={qr} size={size} title={primary.words.qrTitle(due)} />
      </div>
      {/* The demo label sits in the flow here, beside the countdown, so it can never cover the amount or the QR. */}
      <footer className="qr-view__footer">
        {terminal?.demo === true && <DemoBanner className="display__demo display__demo--inline" text={primary.words.demoLabel} />}
        <ExpiryLine expiresAt={payment.expiresAt} />
      </footer>
    </div>
  );
}
