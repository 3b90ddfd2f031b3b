import { describe, expect, it } from 'vitest';
import { filePageUrl } from '../../electron/main/page-url';
import { checkSender, type TrustedPage } from '../../electron/main/trusted-sender';

const CASHIER = filePageUrl('/app/dist/renderer/cashier/index.html');
const DISPLAY = filePageUrl('/app/dist/renderer/display/index.html');
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

  it('rejects our window once it shows something else', () => {
    expect(checkSender(pages, 1, { url: 'https://example.com/', isMainFrame: true })).toMatchObject({ ok: false });
    expect(checkSender(pages, 1, { url: filePageUrl('/tmp/evil.html'), isMainFrame: true })).toMatchObject({ ok: false });
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
