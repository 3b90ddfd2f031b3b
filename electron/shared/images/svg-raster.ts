import { Resvg } from '@resvg/resvg-js';
import { err, ok, type Result } from '../../../app/util/result';
import { MAX_IMAGE_SIDE, type Rgba } from './raster-image';
import { checkSvg, type SvgProblem } from './svg-gate';

/**
 * An SVG from outside drawn to pixels with resvg (a maintained renderer in Rust that fetches nothing),
 * only after checkSvg let it through, at the scale checkSvg planned.
 */

export interface SvgRaster {
  /** Row after row, 4 bytes a pixel, on white: a QR has no transparent paper. */
  readonly image: Rgba;
  /** The same picture as a PNG, to show when no QR can be read from it. */
  readonly png: Uint8Array;
}

export type SvgRasterProblem = SvgProblem | { readonly kind: 'unreadable' };

/** Checks, then draws. resvg's own idea of the size is held to the cap too, before a pixel is drawn. */
export function rasterizeSvg(bytes: Uint8Array): Result<SvgRaster, SvgRasterProblem> {
  const checked = checkSvg(bytes);
  if (!checked.ok) return checked;
  const { text, plan } = checked.value;
  try {
    const svg = new Resvg(text, {
      fitTo: { mode: 'zoom', value: plan.zoom },
      background: 'white',
      // QR modules are squares on a grid: crisp edges, unless the SVG asks otherwise.
      shapeRendering: 1,
      font: { loadSystemFonts: false },
      logLevel: 'off',
    });
    // A second guard behind the gate: should resvg read the size otherwise, nothing over the cap is drawn.
    const width = Math.ceil(svg.width * plan.zoom);
    const height = Math.ceil(svg.height * plan.zoom);
    if (!(width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE)) return err({ kind: 'too_large', width, height });
    const rendered = svg.render();
    const image = { data: new Uint8Array(rendered.pixels), width: rendered.width, height: rendered.height };
    return ok({ image, png: new Uint8Array(rendered.asPng()) });
  } catch {
    return err({ kind: 'unreadable' });
  }
}
