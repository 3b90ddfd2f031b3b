import type { WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { isSamePage } from './page-url';

/**
 * Every security decision for our windows, as plain data and functions, so it is unit-tested without
 * Electron (importing 'electron' in plain Node tries to download the binary). windows.ts applies them.
 */

export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

export interface WebPreferencesOptions {
  /** Absolute path of the bundled preload script. */
  readonly preload: string;
  /** Off in a packaged terminal, so a customer cannot open a console on the counter. */
  readonly devTools: boolean;
}

export function createWebPreferences(options: WebPreferencesOptions): SecureWebPreferences {
  const preferences = {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    devTools: options.devTools,
  } as const satisfies WebPreferences;
  return preferences;
}

/**
 * The screens load only their own bundle; the QR is drawn locally and never fetched, and they talk to
 * main through the preload, never the network. `'unsafe-inline'` is for styles only: React style
 * props are CSSOM and need nothing, but a library's injected <style> tag would otherwise break layout.
 * frame-ancestors has no effect in a <meta> tag; it counts where the header is applied.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/** The response headers with our CSP in place of any the response carried (names are case-insensitive). */
export function withContentSecurityPolicy(headers: Readonly<ResponseHeaders> | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** No screen opens another window: not a link, not window.open, not a drag of a URL. */
export const windowOpenHandler = (): WindowOpenHandlerResponse => ({ action: 'deny' });

export type NavigationDecision = 'allow' | 'deny';

/** A screen may reload its own app://terminal page and nothing else; a stray link must not replace the cashier screen. */
export function willNavigate(targetUrl: string, pageUrl: string): NavigationDecision {
  return isSamePage(targetUrl, pageUrl) ? 'allow' : 'deny';
}

/** The screens need no camera, microphone, notifications, serial or anything else a web page may ask for. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** The synchronous twin of the request handler: every permission check answers "not granted". */
export const denyPermissionCheck = (): boolean => false;
