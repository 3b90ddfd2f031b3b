import { describe, expect, it, vi } from 'vitest';
import { fileDocument, filePageUrl, isSamePage } from '../../electron/main/page-url';
import {
  CONTENT_SECURITY_POLICY,
  createWebPreferences,
  denyPermissionCheck,
  denyPermissionRequest,
  willNavigate,
  windowOpenHandler,
  withContentSecurityPolicy,
} from '../../electron/main/web-preferences';

const PAGE = filePageUrl('/opt/qr counter/resources/app.asar/dist/renderer/cashier/index.html');

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
  it('allows a reload of the page itself, with or without a fragment or query', () => {
    expect(willNavigate(PAGE, PAGE)).toBe('allow');
    expect(willNavigate(`${PAGE}#/history`, PAGE)).toBe('allow');
    expect(willNavigate(`${PAGE}?x=1`, PAGE)).toBe('allow');
  });

  it.each([
    ['a web site', 'https://example.com/'],
    ['plain http', 'http://127.0.0.1:5170/cashier/'],
    ['another local file', filePageUrl('/etc/passwd')],
    ['the other screen', filePageUrl('/opt/qr counter/resources/app.asar/dist/renderer/display/index.html')],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<h1>hi</h1>'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('denies %s', (_what, url) => {
    expect(willNavigate(url, PAGE)).toBe('deny');
  });
});

describe('isSamePage', () => {
  it('treats two spellings of one file as the same page', () => {
    expect(isSamePage('file:///opt/qr%20counter/index.html', 'file:///opt/qr counter/index.html')).toBe(true);
    expect(isSamePage('file:///C:/App/index.html', 'file:///c:/App/index.html')).toBe(true);
  });

  it('keeps different files apart, including by case outside the drive letter', () => {
    expect(isSamePage('file:///C:/app/index.html', 'file:///C:/App/index.html')).toBe(false);
    expect(fileDocument('https://example.com/index.html')).toBeNull();
    expect(fileDocument('file:///bad%E0%A4%A.html')).toBeNull();
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
