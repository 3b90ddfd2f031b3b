import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/*
 * Accessibility checks for the screens, run inside the page: axe-core's WCAG 2.x A and AA rules, our
 * own 48 px target-size rule (issue 8), and what the keyboard's focus looks like.
 */

/** The WCAG 2.0 and 2.1 rules at levels A and AA: what "contrast meets WCAG AA" is measured by. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** The smallest target issue 8 allows, in CSS pixels. */
export const MIN_TARGET_PX = 48;

/** The part of one axe-core violation a test needs to say what to fix, and where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** The slice of axe-core's API the page gets once its source is injected. */
interface AxeNodeResult {
  readonly target: readonly (string | readonly string[])[];
  readonly failureSummary?: string;
}
interface AxeResultItem {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly AxeNodeResult[];
}
interface AxeApi {
  run(context: Document, options: { runOnly: { type: 'tag'; values: readonly string[] }; resultTypes: readonly string[] }): Promise<{ violations: readonly AxeResultItem[] }>;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** axe-core's browser build, read once from node_modules. */
function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Runs axe-core's WCAG 2 A/AA rules on the page as it is now; injects axe first if the page has none. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((part) => (typeof part === 'string' ? part : part.join(' >> '))).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, [...WCAG_AA_TAGS]);
}

/** One line per failing node, so a failed run says what to fix and where. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) lines.push(`    ${node.target} — ${node.summary}`);
  }
  return lines.join('\n');
}

/** A control smaller than the rule allows. */
export interface SmallTarget {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly rule: 'width and height' | 'height';
}

/**
 * Every visible control a finger can press, measured against MIN_TARGET_PX.
 *
 * - Buttons, links, summaries, [role=button] and other inputs: at least 48×48 px.
 * - Text fields and selects sit in form rows whose width the layout sets (a port number is narrow by
 *   design, yet far wider than a fingertip): for them the 48 px applies to the height only.
 * - A checkbox or radio is pressed through its label, so the label's box is what is measured.
 */
export function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate(
    ({ min }) => {
      const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'password', 'tel', 'url', 'date', 'time', 'datetime-local', 'month', 'week']);
      const nameOf = (el: Element): string => {
        const testId = el.getAttribute('data-testid');
        const label = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : null;
        const text = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${testId === null ? '' : `[data-testid="${testId}"]`} "${text}"`;
      };
      const offenders: { name: string; width: number; height: number; rule: 'width and height' | 'height' }[] = [];
      for (const el of Array.from(document.querySelectorAll('button, a[href], select, input, summary, [role="button"]'))) {
        if (!(el instanceof HTMLElement)) continue;
        let target: HTMLElement = el;
        let rule: 'width and height' | 'height' = 'width and height';
        if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
          target = el.closest('label') ?? el;
        } else if (el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type))) {
          rule = 'height';
        }
        // Only what is on screen: not hidden, not inside a closed <details>, not the file input a button stands for.
        if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
        if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
        const box = target.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const width = Math.round(box.width * 10) / 10;
        const height = Math.round(box.height * 10) / 10;
        const tooSmall = rule === 'height' ? height < min : width < min || height < min;
        if (tooSmall) offenders.push({ name: nameOf(el), width, height, rule });
      }
      return offenders;
    },
    { min: MIN_TARGET_PX },
  );
}

/** One line per control that is too small. */
export function describeSmallTargets(where: string, offenders: readonly SmallTarget[]): string {
  if (offenders.length === 0) return `${where}: every target is at least ${MIN_TARGET_PX} px`;
  return [`${where}: ${offenders.length} target(s) under ${MIN_TARGET_PX} px`, ...offenders.map((o) => `- ${o.name}: ${o.width}×${o.height} px (${o.rule})`)].join('\n');
}

/** A control whose outline against what is around it is under 3:1. */
export interface FaintBoundary {
  readonly name: string;
  readonly border: string;
  readonly background: string;
  readonly around: string;
  readonly ratio: number;
}

/**
 * WCAG 1.4.11 (non-text contrast), which axe-core does not measure: a control that is known by its
 * shape needs that shape at 3:1 against what is around it, by its border or by its own background.
 * Checked for form fields (text inputs, selects, text areas: an empty box is all there is to see) and
 * the keypad's keys (the tiles a finger aims at). A disabled control is exempt, as in WCAG.
 * Text buttons are not checked: their words identify them, so 1.4.11 asks nothing of their edge.
 */
export function faintBoundaries(page: Page): Promise<FaintBoundary[]> {
  return page.evaluate(() => {
    const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'password', 'tel', 'url', 'date', 'time', 'datetime-local', 'month', 'week']);
    type Rgba = readonly [number, number, number, number];
    const parse = (colour: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/.exec(colour)?.[1]?.split(/[\s,/]+/).filter((p) => p !== '').map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number): number => {
        const v = c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (x: Rgba, y: Rgba): number => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const hex = (c: Rgba): string => `#${[c[0], c[1], c[2]].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    /** The solid colour behind an element: its ancestors' backgrounds, stacked over white. */
    const backdrop = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let at = el; at !== null; at = at.parentElement) layers.push(parse(getComputedStyle(at).backgroundColor));
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const offenders: FaintBoundary[] = [];
    const controls = Array.from(document.querySelectorAll('input, select, textarea, .keypad button'));
    for (const el of controls) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility() || el.matches(':disabled')) continue;
      if (el instanceof HTMLInputElement && !TEXT_INPUTS.has(el.type)) continue;
      const style = getComputedStyle(el);
      const around = backdrop(el.parentElement);
      const background = over(parse(style.backgroundColor), around);
      const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none' ? over(parse(style.borderTopColor), around) : around;
      const best = Math.max(ratio(border, around), ratio(background, around));
      if (best < 3) {
        const testId = el.getAttribute('data-testid');
        const key = el.getAttribute('data-key');
        const name = testId ?? (key === null ? `${el.tagName.toLowerCase()} "${(el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : '') ?? ''}"` : `key ${key}`);
        offenders.push({ name, border: hex(border), background: hex(background), around: hex(around), ratio: Math.round(best * 100) / 100 });
      }
    }
    return offenders;
  });
}

export function describeFaintBoundaries(where: string, offenders: readonly FaintBoundary[]): string {
  if (offenders.length === 0) return `${where}: every field and key stands out at 3:1`;
  return [`${where}: ${offenders.length} control(s) under 3:1 against their surroundings`, ...offenders.map((o) => `- ${o.name}: border ${o.border}, fill ${o.background} on ${o.around} = ${o.ratio}:1`)].join('\n');
}

/** The focused element, and whether the keyboard's focus on it can be seen (an outline or a box-shadow). */
export interface FocusLook {
  readonly testId: string | null;
  /** The data-testid, else "key <data-key>" for the keypad, else the tag name. */
  readonly name: string;
  readonly outline: string;
  readonly boxShadow: string;
  readonly visible: boolean;
}

export function focusLook(page: Page): Promise<FocusLook> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return { testId: null, name: 'body', outline: 'none', boxShadow: 'none', visible: false };
    const style = getComputedStyle(el);
    const outlineShown = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowShown = style.boxShadow !== 'none' && style.boxShadow !== '';
    const testId = el.getAttribute('data-testid');
    const key = el.getAttribute('data-key');
    return {
      testId,
      name: testId ?? (key === null ? el.tagName.toLowerCase() : `key ${key}`),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outlineShown || shadowShown,
    };
  });
}
