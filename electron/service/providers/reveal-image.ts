import { PNG } from 'pngjs';
import { err, ok, type Result } from '../../../app/util/result';
import { checkRaster, decodeRaster, shrinkToGray, type Gray, type RasterProblem } from '../../shared/images/raster-image';

/**
 * Orangepill's reveal takes a PNG as base64 in a JSON body. A body this size stays well inside what
 * its API (and the simulator, at 64 KiB) accepts, so a bigger picture is shrunk before it is sent.
 */
export const REVEAL_BUDGET_BASE64 = 48_000;
/** Longest sides tried, largest first; a QR filling a third of the picture stays readable at the last. */
const SIDES = [1600, 1200, 900, 700, 500] as const;

/** Why a picture cannot be revealed: the gate's answer (a non-PNG/JPEG is unreadable here), or too detailed to fit. */
export type RevealImageProblem = Exclude<RasterProblem, { kind: 'not_raster' }> | { readonly kind: 'too_large' };

const unreadable = (problem: RasterProblem): RevealImageProblem => (problem.kind === 'not_raster' ? { kind: 'unreadable' } : problem);

function grayPngBase64(image: Gray): string {
  const options = { width: image.width, height: image.height, colorType: 0, inputColorType: 0, inputHasAlpha: false } as const;
  const png = new PNG(options);
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, options).toString('base64');
}

/**
 * The image as the base64 PNG Orangepill's reveal takes: a small PNG as it came; a JPEG, or a PNG
 * too big to send, redrawn in grey at the largest size that fits.
 */
export function revealPngBase64(imageBase64: string): Result<string, RevealImageProblem> {
  const bytes = Buffer.from(imageBase64, 'base64');
  // The size check comes first even for a PNG sent as it is: Orangepill decodes what it is sent.
  const checked = checkRaster(bytes);
  if (!checked.ok) return err(unreadable(checked.error));
  if (checked.value.format === 'png' && imageBase64.length <= REVEAL_BUDGET_BASE64) return ok(imageBase64);
  const decoded = decodeRaster(bytes);
  if (!decoded.ok) return err(unreadable(decoded.error));
  const image = decoded.value;
  const longest = Math.max(image.width, image.height);
  const sides = new Set([longest, ...SIDES].filter((side) => side <= Math.min(longest, SIDES[0])));
  for (const side of sides) {
    const base64 = grayPngBase64(shrinkToGray(image, side));
    if (base64.length <= REVEAL_BUDGET_BASE64) return ok(base64);
  }
  return err({ kind: 'too_large' });
}
