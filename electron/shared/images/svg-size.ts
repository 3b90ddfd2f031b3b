import { err, ok, type Result } from '../../../app/util/result';
import { MAX_IMAGE_SIDE } from './raster-image';

/**
 * The size an SVG declares on its root (width, height, viewBox), read the way the renderer (resvg)
 * reads it, and the scale it is drawn at: big enough that a QR filling the picture has modules of at
 * least 4 pixels, and refused when that would be more than MAX_IMAGE_SIDE pixels on a side.
 */

/** A QR of the largest version (177 modules) with its 4-module quiet zones, 4 pixels a module. */
export const MIN_SVG_RENDER_SIDE = (177 + 8) * 4;

/** The picture resvg sizes an SVG with neither a size nor a viewBox to, and what a percentage is of then. */
const DEFAULT_SIDE = 100;

/** CSS pixels per unit, as resvg converts them (96 dpi; em and ex from its 12 px default font). */
const PX_PER_UNIT: Readonly<Record<string, number>> = {
  '': 1,
  px: 1,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  pt: 4 / 3,
  pc: 16,
  em: 12,
  ex: 6,
};

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const LENGTH = new RegExp(String.raw`^(${NUMBER})(px|in|cm|mm|pt|pc|em|ex|%)?$`);

export interface SvgPlan {
  /** The size resvg gives the SVG, in CSS pixels. */
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  /** Whole-number zoom, so module edges of a QR drawn on whole user units land on whole pixels. */
  readonly zoom: number;
  /** The picture drawn, in pixels. */
  readonly width: number;
  readonly height: number;
}

/** The root attributes that give an SVG its size. */
export type SizeAttribute = 'width' | 'height' | 'viewBox';

export type SvgSizeProblem =
  | { readonly kind: 'bad_size'; readonly attribute: SizeAttribute; readonly value: string }
  | { readonly kind: 'too_large'; readonly width: number; readonly height: number };

type Length = { readonly px: number } | { readonly percent: number };

/** A value fit to quote back: short and printable. */
const quoted = (value: string): string => (value.length <= 40 && /^[\x20-\x7e]*$/.test(value) ? value : `${value.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}…`);
const badSize = (attribute: SizeAttribute, value: string): Result<never, SvgSizeProblem> => err({ kind: 'bad_size', attribute, value: quoted(value) });

/** A root width or height: a positive, finite length; absent reads as 100%, as resvg does. */
function readLength(attribute: 'width' | 'height', raw: string | undefined): Result<Length, SvgSizeProblem> {
  if (raw === undefined) return ok({ percent: 100 });
  const found = LENGTH.exec(raw.trim());
  const value = Number(found?.[1]);
  if (found === null || !Number.isFinite(value) || value <= 0) return badSize(attribute, raw);
  const unit = found[2] ?? '';
  if (unit === '%') return ok({ percent: value });
  const px = value * (PX_PER_UNIT[unit] ?? Number.NaN);
  return Number.isFinite(px) ? ok({ px }) : badSize(attribute, raw);
}

/** The viewBox's width and height, or null when there is none; four finite numbers with a positive size. */
function readViewBox(raw: string | undefined): Result<{ width: number; height: number } | null, SvgSizeProblem> {
  if (raw === undefined) return ok(null);
  const parts = raw.trim().split(/[\s,]+/);
  const numbers = parts.map((part) => (new RegExp(`^${NUMBER}$`).test(part) ? Number(part) : Number.NaN));
  const [, , width = Number.NaN, height = Number.NaN] = numbers;
  if (numbers.length !== 4 || !numbers.every(Number.isFinite) || width <= 0 || height <= 0) return badSize('viewBox', raw);
  return ok({ width, height });
}

/** One side in pixels: a length as it is, a percentage of the viewBox's side, or of 100 without one. */
const side = (length: Length, viewBoxSide: number | undefined): number =>
  'px' in length ? length.px : (viewBoxSide ?? DEFAULT_SIDE) * (length.percent / 100);

/** The size and scale an SVG is drawn at, from its root's attributes; refused when absurd or too large. */
export function planSvgSize(root: ReadonlyMap<string, string>): Result<SvgPlan, SvgSizeProblem> {
  const width = readLength('width', root.get('width'));
  if (!width.ok) return width;
  const height = readLength('height', root.get('height'));
  if (!height.ok) return height;
  const viewBox = readViewBox(root.get('viewBox'));
  if (!viewBox.ok) return viewBox;
  const naturalWidth = side(width.value, viewBox.value?.width);
  const naturalHeight = side(height.value, viewBox.value?.height);
  // A QR is square and drawn to fit (preserveAspectRatio meet), so the shorter side is what its modules share.
  const shorter = Math.min(naturalWidth, naturalHeight);
  const zoom = shorter >= MIN_SVG_RENDER_SIDE ? 1 : Math.ceil(MIN_SVG_RENDER_SIDE / shorter);
  const plan = { naturalWidth, naturalHeight, zoom, width: Math.ceil(naturalWidth * zoom), height: Math.ceil(naturalHeight * zoom) };
  if (!Number.isFinite(zoom) || plan.width > MAX_IMAGE_SIDE || plan.height > MAX_IMAGE_SIDE) {
    return err({ kind: 'too_large', width: plan.width, height: plan.height });
  }
  return ok(plan);
}
