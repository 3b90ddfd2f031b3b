import type { Clock } from '../../../app/engine/clock';

/** A stand-in printer on loopback (demo mode): where it listens, and the picture of each slip it draws. */
export interface DemoPrinter {
  readonly port: number;
  onReceipt(listener: (receipt: { readonly png: Buffer }) => void): () => void;
  close(): Promise<void>;
}

/** How long the virtual printer may take to draw a slip after taking its bytes. */
const RENDER_WAIT_MS = 2_000;

/** The virtual printer's picture of the next slip it draws, as a data: URL; null if it draws none in time. */
export function nextRendering(printer: DemoPrinter, clock: Clock): { readonly image: Promise<string | null>; cancel(): void } {
  let stop = (): void => undefined;
  const image = new Promise<string | null>((resolve) => {
    const cancelTimer = clock.setTimer(() => finish(null), RENDER_WAIT_MS);
    const off = printer.onReceipt((receipt) => finish(`data:image/png;base64,${receipt.png.toString('base64')}`));
    const finish = (value: string | null): void => {
      off();
      cancelTimer();
      resolve(value);
    };
    stop = () => finish(null);
  });
  return { image, cancel: () => stop() };
}
