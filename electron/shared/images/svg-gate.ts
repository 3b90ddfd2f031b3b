import { err, ok, type Result } from '../../../app/util/result';
import { MAX_IMAGE_BYTES } from './raster-image';
import { MAX_SVG_DEPTH, readSvgMarkup, type SvgElement, type SvgMarkup } from './svg-markup';
import { planSvgSize, type SvgPlan, type SvgSizeProblem } from './svg-size';

/**
 * The one gate for an SVG from outside, before any renderer sees it: its byte size, its encoding, its
 * markup (no doctype, nothing cut off), nothing that reaches outside the file or runs, no element
 * multiplied past what a QR could need, and a declared size that stays within the pixel cap once drawn.
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/**
 * Elements drawn, counting each `<use>` as a copy of what it points at. A QR of the largest version drawn
 * a rect per dark module is about 16,000; resvg takes about 2 s for 100,000 here, and gives up at a million.
 */
export const MAX_SVG_DRAWN_ELEMENTS = 50_000;
/** Elements under a filter, mask, clip path or pattern: each costs a full-size pass; a QR needs none. */
export const MAX_SVG_EFFECTS = 100;
/** How deep `<use>` copies may nest, counted with the elements between them: the renderer recurses through them. */
const MAX_REFERENCE_DEPTH = 2 * MAX_SVG_DEPTH;

/** Elements that run script or pull in content from outside (resvg fetches none, but they are refused anyway), and markers, copied at every vertex. */
const REFUSED_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['script', '<script>'],
  ['foreignobject', '<foreignObject>'],
  ['image', '<image>'],
  ['feimage', '<feImage>'],
  ['marker', '<marker>'],
  ['iframe', '<iframe>'],
]);

export type SvgProblem =
  | { readonly kind: 'too_many_bytes'; readonly bytes: number }
  | { readonly kind: 'not_utf8' }
  | { readonly kind: 'doctype' }
  | { readonly kind: 'broken'; readonly detail: string }
  | { readonly kind: 'too_deep' }
  | { readonly kind: 'not_svg'; readonly detail: string }
  | { readonly kind: 'external'; readonly detail: string }
  | { readonly kind: 'too_complex'; readonly detail: string }
  | SvgSizeProblem;

export interface CheckedSvg {
  /** The markup without its byte-order mark, as the renderer takes it. */
  readonly text: string;
  readonly plan: SvgPlan;
}

const localOf = (name: string): string => (name.slice(name.indexOf(':') + 1) || name).toLowerCase();
/** What a url(…) inside a value points at, quotes and spaces removed. */
const urlTargets = (value: string): string[] => [...value.matchAll(/url\(\s*["']?\s*([^)"'\s]*)/gi)].map((found) => found[1] ?? '');
/** Only the scheme of an outside address is quoted back (`http:`), never the address. */
const schemeOf = (target: string): string => /^([a-z][a-z0-9+.-]{0,15}):/i.exec(target)?.[1]?.toLowerCase().concat(':') ?? 'a file';
const outside = (target: string): string => `refers to ${schemeOf(target) === 'a file' ? 'a file' : `an address (${schemeOf(target)})`} outside itself`;

/** Why one element reaches outside the file or runs script, or null. */
function externalIn(element: SvgElement): string | null {
  const refused = REFUSED_ELEMENTS.get(element.local);
  if (refused !== undefined) return `contains a ${refused} element`;
  for (const [name, value] of element.attributes) {
    const local = localOf(name);
    if (local.startsWith('on')) return `has a script attribute (${local})`;
    if (local === 'href' && !value.trim().startsWith('#')) return outside(value.trim());
    const target = urlTargets(value).find((url) => !url.startsWith('#'));
    if (target !== undefined) return outside(target);
  }
  return null;
}

/** Why the stylesheet reaches outside or applies effects to elements that cannot be counted, or null. */
function externalInStyle(styleText: string): string | null {
  if (/@import/i.test(styleText)) return 'has a stylesheet that imports another (@import)';
  if (/url\(/i.test(styleText)) return 'has a stylesheet that refers to url(…)';
  if (/(?:^|[\s;{])(?:filter|mask|clip-path|marker(?:-start|-mid|-end)?)\s*:/i.test(styleText)) return 'has a stylesheet that applies effects (filter, mask, clip-path or marker)';
  return null;
}

/** Whether an element is drawn through a filter, mask, clip path or pattern (each a full-size pass). */
function usesEffect(element: SvgElement, kindOfId: ReadonlyMap<string, string>): boolean {
  for (const [name, value] of element.attributes) {
    const local = localOf(name);
    if ((local === 'filter' || local === 'mask' || local === 'clip-path') && value.trim() !== 'none') return true;
    if (local === 'style' && /(?:^|;)\s*(?:filter|mask|clip-path)\s*:\s*(?!none\b)/i.test(value)) return true;
    if (urlTargets(value).some((target) => kindOfId.get(target.slice(1)) === 'pattern')) return true;
  }
  return false;
}

/** How many elements are drawn once every `<use>` is copied, refused past the cap, in loops, or too deep. */
function countDrawn(markup: SvgMarkup, byId: ReadonlyMap<string, number>): Result<number, SvgProblem> {
  const counted = new Map<number, { count: number; height: number }>();
  const visiting = new Set<number>();
  const tooComplex = (detail: string) => err<SvgProblem>({ kind: 'too_complex', detail });
  const visit = (index: number, depth: number): Result<{ count: number; height: number }, SvgProblem> => {
    const known = counted.get(index);
    if (known !== undefined) return depth + known.height > MAX_REFERENCE_DEPTH ? tooComplex('its <use> references nest too deep') : ok(known);
    if (visiting.has(index)) return tooComplex('its <use> references go round in a loop');
    if (depth > MAX_REFERENCE_DEPTH) return tooComplex('its <use> references nest too deep');
    const element = markup.elements[index];
    if (element === undefined) return ok({ count: 0, height: 0 });
    visiting.add(index);
    // Both href and xlink:href count: which one a renderer prefers is its own business.
    const hrefs = element.local === 'use' ? [...element.attributes].filter(([name]) => localOf(name) === 'href') : [];
    const targets = hrefs.flatMap(([, value]) => byId.get(value.trim().slice(1)) ?? []);
    const total = { count: 1, height: 1 };
    for (const next of [...element.children, ...targets]) {
      const below = visit(next, depth + 1);
      if (!below.ok) return below;
      total.count += below.value.count;
      total.height = Math.max(total.height, below.value.height + 1);
      if (total.count > MAX_SVG_DRAWN_ELEMENTS) return tooComplex(`it would draw more than ${MAX_SVG_DRAWN_ELEMENTS.toLocaleString('en-US')} elements once its <use> copies are made`);
    }
    visiting.delete(index);
    counted.set(index, total);
    return ok(total);
  };
  const root = visit(0, 1);
  return root.ok ? ok(root.value.count) : root;
}

/** Everything about the markup: root, namespace, outside references, effects and copies. */
function checkMarkup(markup: SvgMarkup): Result<SvgPlan, SvgProblem> {
  const root = markup.elements[0];
  if (root?.local !== 'svg') return err({ kind: 'not_svg', detail: 'its root element is not <svg>' });
  const prefix = root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns';
  if (root.attributes.get(prefix)?.trim() !== SVG_NAMESPACE) return err({ kind: 'not_svg', detail: 'its root element does not declare the SVG namespace' });
  const byId = new Map<string, number>();
  const kindOfId = new Map<string, string>();
  markup.elements.forEach((element, index) => {
    const id = element.attributes.get('id')?.trim();
    if (id !== undefined && !byId.has(id)) {
      byId.set(id, index);
      kindOfId.set(id, element.local);
    }
  });
  for (const element of markup.elements) {
    const external = externalIn(element);
    if (external !== null) return err({ kind: 'external', detail: external });
  }
  const inStyle = externalInStyle(markup.styleText);
  if (inStyle !== null) return err({ kind: 'external', detail: inStyle });
  const effects = markup.elements.filter((element) => usesEffect(element, kindOfId)).length;
  if (effects > MAX_SVG_EFFECTS) return err({ kind: 'too_complex', detail: `it draws ${effects} elements through filters, masks, clip paths or patterns (at most ${MAX_SVG_EFFECTS})` });
  const drawn = countDrawn(markup, byId);
  if (!drawn.ok) return drawn;
  return planSvgSize(root.attributes);
}

/** An SVG from outside, checked whole before any renderer sees it. */
export function checkSvg(bytes: Uint8Array): Result<CheckedSvg, SvgProblem> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return err({ kind: 'too_many_bytes', bytes: bytes.byteLength });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return err({ kind: 'not_utf8' });
  }
  const markup = readSvgMarkup(text);
  if (!markup.ok) {
    const problem = markup.error;
    return err(problem.kind === 'stylesheet' ? { kind: 'external', detail: 'links an outside stylesheet (<?xml-stylesheet?>)' } : problem);
  }
  const plan = checkMarkup(markup.value);
  return plan.ok ? ok({ text, plan: plan.value }) : plan;
}
