import { PNG } from 'pngjs';

/**
 * A phone camera's view of the customer display from about 1 m.
 *
 * Geometry: a phone's main camera (about 70° across) held 1 m away takes in about 1.4 m of the
 * counter; the issue fixes the framing we must survive — the QR (with its quiet zone) about 25% of a
 * 640×480 frame, i.e. 160 px across. So the screenshot is shrunk by s = 160 / (QR side in screen px),
 * the whole screen kept in view (it then fills roughly 60–75% of the frame's width), centred on a
 * dark surround for the bezel and the shop behind it. Shrinking averages each frame pixel over the
 * screen pixels it covers (a box filter), as a sensor's pixel integrates the light falling on it.
 */
export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;
export const QR_SHARE_OF_FRAME = 0.25;
const SURROUND = 48;

export interface CameraFrame {
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** How much the screen was shrunk, and the QR's side in the frame, in pixels. */
  readonly scale: number;
  readonly qrSidePx: number;
  encodePng(): Buffer;
}

export function cameraView(screenshot: Buffer, qrSideOnScreenPx: number): CameraFrame {
  const screen = PNG.sync.read(screenshot);
  const scale = (QR_SHARE_OF_FRAME * FRAME_WIDTH) / qrSideOnScreenPx;
  const shownWidth = Math.round(screen.width * scale);
  const shownHeight = Math.round(screen.height * scale);
  if (shownWidth > FRAME_WIDTH || shownHeight > FRAME_HEIGHT) {
    throw new Error(`at this framing the ${screen.width}×${screen.height} screen (${shownWidth}×${shownHeight}) would not fit the frame`);
  }
  const rgba = new Uint8ClampedArray(FRAME_WIDTH * FRAME_HEIGHT * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = rgba[i + 1] = rgba[i + 2] = SURROUND;
    rgba[i + 3] = 255;
  }
  const left = Math.floor((FRAME_WIDTH - shownWidth) / 2);
  const top = Math.floor((FRAME_HEIGHT - shownHeight) / 2);
  for (let y = 0; y < shownHeight; y++) {
    const sy0 = Math.floor(y / scale);
    const sy1 = Math.min(screen.height, Math.max(sy0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < shownWidth; x++) {
      const sx0 = Math.floor(x / scale);
      const sx1 = Math.min(screen.width, Math.max(sx0 + 1, Math.floor((x + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = sy0; sy < sy1; sy++) {
        for (let sx = sx0; sx < sx1; sx++) {
          const at = (sy * screen.width + sx) * 4;
          r += screen.data[at] ?? 0;
          g += screen.data[at + 1] ?? 0;
          b += screen.data[at + 2] ?? 0;
        }
      }
      const n = (sy1 - sy0) * (sx1 - sx0);
      const out = ((top + y) * FRAME_WIDTH + left + x) * 4;
      rgba[out] = r / n;
      rgba[out + 1] = g / n;
      rgba[out + 2] = b / n;
    }
  }
  return {
    rgba,
    width: FRAME_WIDTH,
    height: FRAME_HEIGHT,
    scale,
    qrSidePx: qrSideOnScreenPx * scale,
    encodePng: () => {
      const png = new PNG({ width: FRAME_WIDTH, height: FRAME_HEIGHT });
      png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
      return PNG.sync.write(png);
    },
  };
}
