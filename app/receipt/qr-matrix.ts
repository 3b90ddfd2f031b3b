/** A QR symbol's modules. The factory is injected: the `qrcode` package is Node-typed, so app/ cannot import it. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly isDark: (row: number, col: number) => boolean;
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export type QrMatrixFactory = (payload: string, level: QrErrorLevel) => QrMatrix;

/** ISO 18004 asks for four modules of light margin on every side. */
export const QR_QUIET_MODULES = 4;

/**
 * The largest whole module size (dots) that fits the symbol and its quiet zone across the paper,
 * capped where a bigger code only lengthens the slip without scanning better.
 */
export function fitModuleSize(modules: number, paperDots: number, max = 8): number {
  const fit = Math.floor(paperDots / (modules + 2 * QR_QUIET_MODULES));
  return Math.max(1, Math.min(max, fit));
}
