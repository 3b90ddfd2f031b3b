import { err, ok, type Result } from '../../../app/util/result';

/**
 * The elements of an SVG as a gate needs them: names, raw attributes, children and depth, read in one
 * linear pass before the SVG reaches a renderer. It is stricter than XML needs (no doctype at all) and
 * checks only what the gate relies on; the renderer's own parser still has the last word.
 */

/** Deeper than any drawing needs; recursive parsers, the renderer's included, would run out of stack long before 100,000. */
export const MAX_SVG_DEPTH = 64;

export interface SvgElement {
  /** As written, with its prefix: `svg`, `s:svg`, `foreignObject`. */
  readonly name: string;
  /** Without its prefix, lower-cased: what the checks compare. */
  readonly local: string;
  /** Attribute names as written, values raw (entities not expanded). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly number[];
  /** 1 for the root. */
  readonly depth: number;
}

export interface SvgMarkup {
  /** In document order; the root is the first. */
  readonly elements: readonly SvgElement[];
  /** Text and CDATA inside `<style>` elements, where CSS can point outside. */
  readonly styleText: string;
}

export type SvgMarkupProblem =
  | { readonly kind: 'doctype' }
  | { readonly kind: 'stylesheet' }
  | { readonly kind: 'too_deep' }
  | { readonly kind: 'broken'; readonly detail: string };

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const SPACE = /\s*/y;

interface Open {
  readonly name: string;
  readonly local: string;
  readonly attributes: Map<string, string>;
  readonly children: number[];
  readonly depth: number;
}

const localOf = (name: string): string => (name.slice(name.indexOf(':') + 1) || name).toLowerCase();

class Reader {
  at = 0;
  constructor(readonly text: string) {}

  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (found === null) return null;
    this.at = pattern.lastIndex;
    return found[0];
  }

  skipSpace(): void {
    this.match(SPACE);
  }

  /** Moves past `end`; false (and at the end of the text) when it never comes. */
  skipPast(end: string): boolean {
    const found = this.text.indexOf(end, this.at);
    this.at = found < 0 ? this.text.length : found + end.length;
    return found >= 0;
  }
}

type Step = Result<true, SvgMarkupProblem>;
const broken = (detail: string): Result<never, SvgMarkupProblem> => err({ kind: 'broken', detail });

/** A start tag's attributes up to its `>` or `/>`; `self` says which. */
function readAttributes(reader: Reader, into: Map<string, string>): Result<{ self: boolean }, SvgMarkupProblem> {
  for (;;) {
    reader.skipSpace();
    if (reader.text.startsWith('/>', reader.at)) {
      reader.at += 2;
      return ok({ self: true });
    }
    if (reader.text.startsWith('>', reader.at)) {
      reader.at += 1;
      return ok({ self: false });
    }
    if (reader.at >= reader.text.length) return broken('the file ends inside a tag');
    const name = reader.match(NAME);
    if (name === null) return broken('a tag holds something that is not an attribute');
    reader.skipSpace();
    if (reader.text.charAt(reader.at) !== '=') return broken(`the attribute ${name} has no value`);
    reader.at += 1;
    reader.skipSpace();
    const quote = reader.text.charAt(reader.at);
    if (quote !== '"' && quote !== "'") return broken(`the attribute ${name} is not quoted`);
    const end = reader.text.indexOf(quote, reader.at + 1);
    if (end < 0) return broken(`the value of ${name} is never closed`);
    if (into.has(name)) return broken(`the attribute ${name} is given twice`);
    into.set(name, reader.text.slice(reader.at + 1, end));
    reader.at = end + 1;
  }
}

/** Reads the whole SVG; every element is kept, so the gate can look at all of them. */
export function readSvgMarkup(text: string): Result<SvgMarkup, SvgMarkupProblem> {
  const reader = new Reader(text);
  const elements: Open[] = [];
  const stack: Open[] = [];
  let styleText = '';
  let rootClosed = false;

  const onText = (chunk: string): Step => {
    const top = stack.at(-1);
    if (top === undefined) return /^\s*$/.test(chunk) ? ok(true) : broken('there is text outside the root element');
    if (top.local === 'style') styleText += chunk;
    return ok(true);
  };

  const onStartTag = (): Step => {
    const name = reader.match(NAME);
    if (name === null) return broken(reader.at >= text.length ? 'the file ends inside a tag' : 'a "<" starts no tag');
    if (rootClosed) return broken('there is more than one root element');
    if (stack.length >= MAX_SVG_DEPTH) return err({ kind: 'too_deep' });
    const element: Open = { name, local: localOf(name), attributes: new Map(), children: [], depth: stack.length + 1 };
    const attributes = readAttributes(reader, element.attributes);
    if (!attributes.ok) return attributes;
    stack.at(-1)?.children.push(elements.length);
    elements.push(element);
    if (!attributes.value.self) stack.push(element);
    else if (stack.length === 0) rootClosed = true;
    return ok(true);
  };

  const onEndTag = (): Step => {
    const name = reader.match(NAME);
    reader.skipSpace();
    if (name === null || reader.text.charAt(reader.at) !== '>') return broken(reader.at >= text.length ? 'the file ends inside a tag' : 'an end tag is malformed');
    reader.at += 1;
    const open = stack.pop();
    if (open?.name !== name) return broken(`</${name}> closes an element it did not open`);
    if (stack.length === 0) rootClosed = true;
    return ok(true);
  };

  const onMarkup = (): Step => {
    const at = reader.at;
    if (text.startsWith('<!--', at)) return reader.skipPast('-->') ? ok(true) : broken('a comment is never closed');
    if (text.startsWith('<![CDATA[', at)) {
      reader.at += 9;
      const start = reader.at;
      if (!reader.skipPast(']]>')) return broken('a CDATA section is never closed');
      return onText(text.slice(start, reader.at - 3));
    }
    // A doctype can declare entities, each expanding to ten of the last: a billion laughs from a few hundred bytes.
    if (text.startsWith('<!', at)) return err({ kind: 'doctype' });
    if (text.startsWith('<?', at)) {
      if (/^<\?xml-stylesheet[\s?]/i.test(text.slice(at, at + 20))) return err({ kind: 'stylesheet' });
      return reader.skipPast('?>') ? ok(true) : broken('a processing instruction is never closed');
    }
    reader.at += 1;
    if (text.startsWith('/', reader.at)) {
      reader.at += 1;
      return onEndTag();
    }
    return onStartTag();
  };

  while (reader.at < text.length) {
    const next = text.indexOf('<', reader.at);
    const chunk = onText(text.slice(reader.at, next < 0 ? text.length : next));
    if (!chunk.ok) return chunk;
    if (next < 0) break;
    reader.at = next;
    const step = onMarkup();
    if (!step.ok) return step;
  }
  if (elements.length === 0) return broken('there is no root element');
  if (!rootClosed || stack.length > 0) return broken('the file ends before its root element is closed');
  return ok({ elements, styleText });
}
