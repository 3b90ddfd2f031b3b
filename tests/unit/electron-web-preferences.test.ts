import { describe, expect, it, vi } from 'vitest';
import { isSamePage, pageDocument, pageUrl } from '../../electron/main/page-url';
import {
  CONTENT_SECURITY_POLICY,
  createWebPreferences,
  denyPermissionCheck,
  denyPermissionRequest,
  willNavigate,
  windowOpenHandler,
  withContentSecurityPolicy,
} from '../../electron/main/web-preferences';

const PAGE = pageUrl('cashier');

describe('createWebPreferences', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(createWebPreferences({ preload: '/app/dist/electron/preload.cjs', devTools: false })).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('passes the devTools flag through and changes nothing else', () => {
    const on = createWebPreferences({ preload: '/p.cjs', devTools: true });
    const off = createWebPreferences({ preload: '/p.cjs', devTools: false });
    expect(on.devTools).toBe(true);
    expect({ ...on, devTools: false }).toEqual(off);
  });
});

describe('windowOpenHandler', () => {
  it('denies every new window', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });
});

describe('willNavigate', () => {
  it('allows a reload of the page itself, with or without a fragment or query, or at its folder', () => {
    expect(willNavigate(PAGE, PAGE)).toBe('allow');
    expect(willNavigate(`${PAGE}#/history`, PAGE)).toBe('allow');
    expect(willNavigate(`${PAGE}?x=1`, PAGE)).toBe('allow');
    expect(willNavigate('app://terminal/cashier/', PAGE)).toBe('allow');
  });

  it.each([
    ['a web site', 'https://example.com/'],
    ['plain http', 'http://127.0.0.1:5170/cashier/'],
    ['another local file', 'file:///etc/passwd'],
    ['the built page itself over file://', 'file:///opt/qr-terminal/resources/app.asar/dist/renderer/cashier/index.html'],
    ['the other screen', pageUrl('display')],
    ['the same page on another host', 'app://evil/cashier/index.html'],
    ['an asset of the page', 'app://terminal/assets/cashier.js'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<h1>hi</h1>'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('denies %s', (_what, url) => {
    expect(willNavigate(url, PAGE)).toBe('deny');
  });
});

describe('isSamePage', () => {
  it('treats the folder and its index.html, with any query or fragment, as one page', () => {
    expect(isSamePage('app://terminal/cashier/', PAGE)).toBe(true);
    expect(isSamePage('app://terminal/cashier/?lang=th#/history', PAGE)).toBe(true);
    expect(pageDocument('app://terminal/display/#/paid')).toBe('app://terminal/display/index.html');
  });

  it('keeps pages apart by path, scheme, host, port and user info', () => {
    expect(isSamePage(pageUrl('display'), PAGE)).toBe(false);
    expect(isSamePage('app://terminal/cashier', PAGE)).toBe(false);
    for (const url of ['file:///cashier/index.html', 'http://terminal/cashier/index.html', 'https://terminal/cashier/index.html', 'app://evil/cashier/index.html', 'app://terminal:1/cashier/index.html', 'app://me@terminal/cashier/index.html', 'not a url']) {
      expect(pageDocument(url), url).toBeNull();
    }
  });

  it('is never true when our own page URL is not an app://terminal one', () => {
    expect(isSamePage('file:///opt/cashier/index.html', 'file:///opt/cashier/index.html')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    for (const permission of ['media', 'notifications', 'serial', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with "not granted"', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('starts from nothing and lets scripts come only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
  });

  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('replaces a CSP the response carried, whatever its case, and keeps the other headers', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
