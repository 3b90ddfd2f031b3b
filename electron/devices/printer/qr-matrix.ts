import QRCode from 'qrcode';
import type { QrErrorLevel, QrMatrix, QrMatrixFactory } from '../../../app/receipt/qr-matrix';

/** The module matrix from the `qrcode` package, which app/ receives injected. */
export const qrcodeMatrix: QrMatrixFactory = (payload: string, level: QrErrorLevel): QrMatrix => {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: level });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) !== 0 };
};
