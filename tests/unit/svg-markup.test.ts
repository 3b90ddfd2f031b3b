import { describe, expect, it } from 'vitest';
import { MAX_SVG_DEPTH, readSvgMarkup } from '../../electron/shared/images/svg-markup';

/** The one-pass reader the SVG gate looks through: what it sees, and what it refuses as broken. */

const NS = 'xmlns="http://www.w3.org/2000/svg"';

describe('readSvgMarkup: what the gate sees', () => {
  it('reads names, raw attributes (either quote, > inside a value), children and depth', () => {
    const read = readSvgMarkup(`<svg ${NS} data-x='a>b' width = "10"><g id="q"><rect x="1"/><xlink:use xlink:href="#q"/></g></svg>`);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [root, group, rect, use] = read.value.elements;
    expect(root).toMatchObject({ name: 'svg', local: 'svg', depth: 1, children: [1] });
    expect(root?.attributes.get('data-x')).toBe('a>b');
    expect(root?.attributes.get('width')).toBe('10');
    expect(group).toMatchObject({ local: 'g', depth: 2, children: [2, 3] });
    expect(rect).toMatchObject({ local: 'rect', depth: 3, children: [] });
    expect(use).toMatchObject({ name: 'xlink:use', local: 'use' });
    expect(use?.attributes.get('xlink:href')).toBe('#q');
  });

  it('skips comments, the XML declaration and other processing instructions; keeps stylesheet text, CDATA included', () => {
    const read = readSvgMarkup(`<?xml version="1.0"?><!-- <script> in a comment is not one --><svg ${NS}><?app data?><style>a{}<![CDATA[b{}]]></style><!-- x --></svg>`);
    expect(read.ok && read.value.elements.map((element) => element.local)).toEqual(['svg', 'style']);
    expect(read.ok && read.value.styleText).toBe('a{}b{}');
  });

  it(`takes ${MAX_SVG_DEPTH} levels and refuses one more`, () => {
    const nested = (levels: number) => `<svg ${NS}>${'<g>'.repeat(levels - 1)}${'</g>'.repeat(levels - 1)}</svg>`;
    expect(readSvgMarkup(nested(MAX_SVG_DEPTH)).ok).toBe(true);
    expect(readSvgMarkup(nested(MAX_SVG_DEPTH + 1))).toEqual({ ok: false, error: { kind: 'too_deep' } });
  });
});

describe('readSvgMarkup: refused', () => {
  it.each([
    ['a doctype', `<!DOCTYPE svg><svg ${NS}/>`, { kind: 'doctype' }],
    ['an entity declared after the root opens', `<svg ${NS}><!ENTITY a "b"></svg>`, { kind: 'doctype' }],
    ['an outside stylesheet', `<?xml-stylesheet href="a.css"?><svg ${NS}/>`, { kind: 'stylesheet' }],
    ['nothing', '', { kind: 'broken', detail: 'there is no root element' }],
    ['only whitespace and a comment', ' <!-- --> ', { kind: 'broken', detail: 'there is no root element' }],
    ['a root never closed', `<svg ${NS}><g></g>`, { kind: 'broken', detail: 'the file ends before its root element is closed' }],
    ['a tag cut off', `<svg ${NS}><rect width="1`, { kind: 'broken', detail: 'the value of width is never closed' }],
    ['a tag cut off after its name', `<svg ${NS}><rect`, { kind: 'broken', detail: 'the file ends inside a tag' }],
    ['a comment never closed', `<svg ${NS}><!-- </svg>`, { kind: 'broken', detail: 'a comment is never closed' }],
    ['a CDATA section never closed', `<svg ${NS}><style><![CDATA[ </style></svg>`, { kind: 'broken', detail: 'a CDATA section is never closed' }],
    ['a processing instruction never closed', `<svg ${NS}><?pi </svg>`, { kind: 'broken', detail: 'a processing instruction is never closed' }],
    ['crossed end tags', `<svg ${NS}><g><a></g></a></svg>`, { kind: 'broken', detail: '</g> closes an element it did not open' }],
    ['an attribute given twice', `<svg ${NS} width="1" width="2"/>`, { kind: 'broken', detail: 'the attribute width is given twice' }],
    ['an unquoted attribute', `<svg ${NS} width=1/>`, { kind: 'broken', detail: 'the attribute width is not quoted' }],
    ['an attribute with no value', `<svg ${NS} hidden/>`, { kind: 'broken', detail: 'the attribute hidden has no value' }],
    ['text before the root', `hello<svg ${NS}/>`, { kind: 'broken', detail: 'there is text outside the root element' }],
    ['text after the root', `<svg ${NS}/>bye`, { kind: 'broken', detail: 'there is text outside the root element' }],
    ['two roots', `<svg ${NS}/><svg ${NS}/>`, { kind: 'broken', detail: 'there is more than one root element' }],
    ['a lone <', `<svg ${NS}>< rect/></svg>`, { kind: 'broken', detail: 'a "<" starts no tag' }],
  ])('%s', (_name, text, error) => {
    expect(readSvgMarkup(text)).toEqual({ ok: false, error });
  });
});
