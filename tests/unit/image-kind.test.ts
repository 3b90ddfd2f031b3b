import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { routeImage, sniffImage } from '../../electron/shared/images/image-kind';
import { blackPng, realJpeg } from '../support/image-bytes';

/** Which decoder a provider's QR image goes to: what its bytes are, and whether its name agrees. */

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>';
const svg = (text = SVG) => Buffer.from(text);
const png = blackPng(8, 8);
const jpeg = realJpeg(8, 8);
const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('sniffImage: what the bytes are', () => {
  it.each([
    ['a PNG', png, 'png'],
    ['a JPEG', jpeg, 'jpeg'],
    ['a GIF', gif, 'gif'],
    ['a WebP', webp, 'webp'],
    ['gzip (svgz)', gzipSync(SVG), 'gzip'],
    ['plain SVG', svg(), 'svg'],
    ['SVG after a BOM, whitespace, an XML declaration and comments', svg(`\uFEFF \n<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<!-- twice -->${SVG}`), 'svg'],
    ['SVG whose root has a prefix', svg('<s:svg xmlns:s="http://www.w3.org/2000/svg"/>'), 'svg'],
    ['SVG behind a doctype (so the gate can refuse it by name)', svg('<!DOCTYPE svg [<!ENTITY a "b">]><svg/>'), 'svg'],
    ['a self-closed <svg/>', svg('<svg/>'), 'svg'],
    ['HTML', svg('<!DOCTYPE html><html><svg/></html>'), 'unknown'],
    ['an element that only starts with svg', svg('<svgx xmlns="http://www.w3.org/2000/svg"/>'), 'unknown'],
    ['text', svg('just some words'), 'unknown'],
    ['a comment never closed', svg('<!-- and then nothing'), 'unknown'],
    ['nothing', Buffer.alloc(0), 'unknown'],
  ])('%s', (_name, bytes, kind) => {
    expect(sniffImage(bytes)).toBe(kind);
  });
});

describe('routeImage: the name and the bytes must agree', () => {
  it.each([
    ['SVG named qrcode.svg', svg(), { filename: 'qrcode.svg' }, 'svg'],
    ['SVG served as image/svg+xml with a charset', svg(), { contentType: 'image/svg+xml; charset=utf-8' }, 'svg'],
    ['SVG served as octet-stream, no name', svg(), { contentType: 'application/octet-stream' }, 'svg'],
    ['SVG with no name at all', svg(), {}, 'svg'],
    ['a PNG named qrcode.png, served as image/png', png, { filename: 'qrcode.png', contentType: 'image/png' }, 'raster'],
    // Opn names Atome's image qrcode.jpg; what it holds is pixels either way, and both go through the raster gate.
    ['a PNG named qrcode.jpg', png, { filename: 'qrcode.jpg' }, 'raster'],
    ['a JPEG served as image/png', jpeg, { contentType: 'image/png' }, 'raster'],
    ['a GIF named qrcode.gif', gif, { filename: 'qrcode.gif' }, 'other_picture'],
    ['a WebP with no name', webp, {}, 'other_picture'],
  ])('%s goes to %s', (_name, bytes, name, route) => {
    expect(routeImage(bytes, name)).toEqual({ ok: true, value: route });
  });

  it.each([
    ['PNG bytes named qrcode.svg', png, { filename: 'qrcode.svg' }, 'filename', 'qrcode.svg', 'png'],
    ['PNG bytes served as image/svg+xml', png, { contentType: 'image/svg+xml' }, 'content_type', 'image/svg+xml', 'png'],
    ['JPEG bytes named qrcode.svg, served as octet-stream', jpeg, { filename: 'qrcode.svg', contentType: 'application/octet-stream' }, 'filename', 'qrcode.svg', 'jpeg'],
    ['SVG markup named qrcode.png', svg(), { filename: 'qrcode.png' }, 'filename', 'qrcode.png', 'svg'],
    ['SVG markup served as image/jpeg', svg(), { contentType: 'image/jpeg' }, 'content_type', 'image/jpeg', 'svg'],
    ['SVG named qrcode.svg but served as image/png', svg(), { filename: 'qrcode.svg', contentType: 'image/png' }, 'content_type', 'image/png', 'svg'],
    ['text named qrcode.svg', svg('hello'), { filename: 'qrcode.svg' }, 'filename', 'qrcode.svg', 'unknown'],
    ['gzip named qrcode.png', gzipSync(SVG), { filename: 'qrcode.png' }, 'filename', 'qrcode.png', 'gzip'],
    ['plain SVG named qrcode.svgz', svg(), { filename: 'qrcode.svgz' }, 'filename', 'qrcode.svgz', 'svg'],
    ['PNG bytes under a name not fit to quote', png, { filename: 'evil name "with quotes" and <markup>.svg' }, 'filename', '*.svg', 'png'],
  ] as const)('refuses %s as a mismatch', (_name, bytes, name, claimedBy, claimed, is) => {
    expect(routeImage(bytes, name)).toEqual({ ok: false, error: { kind: 'mismatch', claimedBy, claimed, is } });
  });

  it.each([
    ['named qrcode.svg', { filename: 'qrcode.svg' }],
    ['served as image/svg+xml', { contentType: 'image/svg+xml' }],
    ['named qrcode.svgz', { filename: 'qrcode.svgz' }],
    ['with no name', {}],
  ])('refuses gzip-compressed SVG %s as compressed, unpacked by nobody', (_name, name) => {
    expect(routeImage(gzipSync(SVG), name)).toEqual({ ok: false, error: { kind: 'compressed' } });
  });

  it('refuses bytes that are no picture at all', () => {
    expect(routeImage(Buffer.from('{"object":"error"}'), { contentType: 'application/json' })).toEqual({ ok: false, error: { kind: 'not_image' } });
  });
});
