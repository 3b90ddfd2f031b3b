import { useRef } from 'react';
import type { Money } from '../../app/money/money';
import { formatCountdown, msLeft, secondsLeft } from '../../app/payment/countdown';
import type { Payment, QrCode as QrCodeData } from '../../app/payment/payment';
import { useNow } from '../shared/use-now';
import { AmountLine } from './amount-line';
import { countdownVisible } from './display-layout';
import { DisplayNotices } from './display-notices';
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

/**
 * The amount, the instruction and the QR as large as the screen allows. On a landscape screen the QR
 * stands beside the text, taking the full height; on a portrait one, below it (display.css).
 */
export function QrView({ payment, qr, outstanding }: QrViewProps) {
  const terminal = useDisplayStore((s) => s.terminal);
  const { primary } = useWords();
  const format = useFormatAmount();
  const slot = useRef<HTMLDivElement>(null);
  const size = useFitSize(slot);
  const dueAmount = outstanding ?? payment.amount;
  const due = format(dueAmount);

  return (
    <div className="qr-view">
      {/* Notices sit in the text column's flow, so they can never cover the amount or the QR. */}
      <header className="qr-view__text">
        {outstanding !== undefined && <Words className="display__still-to-pay" pick={(w) => w.stillToPay} testId="display-still-to-pay" />}
        <AmountLine amount={dueAmount} testId="display-amount" />
        <p className="display__merchant">{terminal?.merchantName}</p>
        <Words className="display__instruction" pick={(w) => w.instructions[payment.method]} testId="display-instruction" />
        <ExpiryLine expiresAt={payment.expiresAt} />
        <DisplayNotices demo={terminal?.demo === true} />
      </header>
      <div className="qr-view__slot" ref={slot}>
        <QrCode qr={qr} size={size} title={primary.words.qrTitle(due)} />
      </div>
    </div>
  );
}
