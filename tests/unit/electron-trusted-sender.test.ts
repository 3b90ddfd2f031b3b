import { describe, expect, it } from 'vitest';
import { pageUrl } from '../../electron/main/page-url';
import { checkSender, type TrustedPage } from '../../electron/main/trusted-sender';

const CASHIER = pageUrl('cashier');
const DISPLAY = pageUrl('display');
const pages: readonly TrustedPage[] = [
  { role: 'cashier', webContentsId: 1, pageUrl: CASHIER },
  { role: 'display', webContentsId: 2, pageUrl: DISPLAY },
];

describe('checkSender', () => {
  it('gives each of our windows its own role', () => {
    expect(checkSender(pages, 1, { url: CASHIER, isMainFrame: true })).toEqual({ ok: true, role: 'cashier' });
    expect(checkSender(pages, 2, { url: DISPLAY, isMainFrame: true })).toEqual({ ok: true, role: 'display' });
  });

  it('does not let the display window claim the cashier role by loading the cashier page', () => {
    expect(checkSender(pages, 2, { url: CASHIER, isMainFrame: true })).toMatchObject({ ok: false });
  });

  it('rejects a web contents that is not one of our windows', () => {
    const check = checkSender(pages, 3, { url: CASHIER, isMainFrame: true });
    expect(check.ok ? null : check.reason).toContain('not one of the terminal windows');
  });

  it('loads the screens from app://terminal, one page each', () => {
    expect([CASHIER, DISPLAY]).toEqual(['app://terminal/cashier/index.html', 'app://terminal/display/index.html']);
  });

  it('accepts the cashier page at its folder URL as the cashier', () => {
    expect(checkSender(pages, 1, { url: 'app://terminal/cashier/', isMainFrame: true })).toEqual({ ok: true, role: 'cashier' });
  });

  it.each([
    ['a file:// frame, even of the built cashier page', 'file:///opt/qr-terminal/resources/app.asar/dist/renderer/cashier/index.html'],
    ['a file:// frame elsewhere', 'file:///tmp/evil.html'],
    ['the display page', 'app://terminal/display/index.html'],
    ['the cashier page on another host', 'app://evil/cashier/index.html'],
    ['the cashier page on a port', 'app://terminal:1/cashier/index.html'],
    ['an https frame', 'https://example.com/'],
    ['an http frame with the same path', 'http://terminal/cashier/index.html'],
    ['an asset instead of the page', 'app://terminal/assets/cashier.js'],
  ])('refuses %s in the cashier window', (_what, url) => {
    const check = checkSender(pages, 1, { url, isMainFrame: true });
    expect(check.ok ? null : check.reason).toBe('the sending frame is not showing the terminal page');
  });

  it('rejects a subframe and a frame that has gone', () => {
    const subframe = checkSender(pages, 1, { url: CASHIER, isMainFrame: false });
    expect(subframe.ok ? null : subframe.reason).toContain('subframe');
    expect(checkSender(pages, 1, null)).toMatchObject({ ok: false });
  });

  it('accepts the page with a fragment, as a client-side route would add', () => {
    expect(checkSender(pages, 1, { url: `${CASHIER}#/history`, isMainFrame: true })).toEqual({ ok: true, role: 'cashier' });
  });
});
