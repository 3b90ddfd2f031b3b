import { QRCodeSVG } from 'qrcode.react';
import type { QrCode as QrCodeData } from '../../app/payment/payment';

/**
 * The code itself, `size` pixels square. Drawn natively from its payload so it is crisp at any size;
 * when the provider gave only an image, that image scaled without smoothing so its modules stay sharp.
 */
export function QrCode({ qr, size, title }: { readonly qr: QrCodeData; readonly size: number; readonly title: string }) {
  if (qr.payload === null) {
    return (
      <div className="qr" data-testid="qr" data-fallback="image" style={{ width: size, height: size }}>
        {size > 0 && <img className="qr__image" src={qr.image.dataUrl} width={size} height={size} alt={title} />}
      </div>
    );
  }
  return (
    <div className="qr" data-testid="qr" data-payload={qr.payload} style={{ width: size, height: size }}>
      {size > 0 && <QRCodeSVG value={qr.payload} size={size} level="M" marginSize={4} bgColor="#FFFFFF" fgColor="#000000" title={title} />}
    </div>
  );
}
