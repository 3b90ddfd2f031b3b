import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../service/logging/logger';
import { PAGE_HOST, PAGE_ORIGIN, PAGE_SCHEME } from './page-url';
import { CONTENT_SECURITY_POLICY } from './web-preferences';

/**
 * The screens load from app://terminal/, served here from the built pages folder (dist/renderer), instead
 * of file:// (Electron security checklist: "use a custom protocol instead of file://"). A page then has
 * no file access, and every response carries our CSP. Only 'electron' types are imported, so it is all
 * tested in plain Node; main calls registerPageScheme before 'ready' and servePages after.
 */

/**
 * The scheme's privileges, the fewest the pages need (every other one defaults to false):
 * - standard: app://terminal is a real origin, so `../assets/…` resolves and CSP 'self' means our bundle;
 * - secure: a secure context, as https would be, so no web API treats the screens as insecure.
 * Left off: supportFetchAPI (the screens never fetch; they talk to main over the preload's IPC),
 * corsEnabled (same-origin module scripts need no CORS; off, no other origin can read our files),
 * bypassCSP (our CSP must bind), stream (no audio or video), service workers, code cache, extensions.
 */
export const PAGE_SCHEME_REGISTRATION = {
  scheme: PAGE_SCHEME,
  privileges: { standard: true, secure: true },
} as const satisfies CustomScheme;

export interface PageAnswer {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  /** Null for HEAD. */
  readonly body: Uint8Array<ArrayBuffer> | null;
  /** Why a request got 404: for the log only, never sent to the page (it may name no path). */
  readonly refused?: string;
}

/** The pages' file types; a file of any other type is not served, whatever it is. */
const ASSET_TYPES: ReadonlyMap<string, string> = new Map([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
]);
const HTML = 'text/html; charset=utf-8';

/** Each page at its folder and at its index.html; nothing else in a page folder is served. */
const PAGES: ReadonlyMap<string, string> = new Map([
  ['/cashier/', 'cashier/index.html'],
  ['/cashier/index.html', 'cashier/index.html'],
  ['/display/', 'display/index.html'],
  ['/display/index.html', 'display/index.html'],
]);
/** Vite's flat assets folder; a name of plain characters only: no %, \, NUL, separator or leading dot. */
const ASSET_PATH = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,199})$/;
/** The biggest bundle is a few hundred kB; a huge file is not one of ours. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The URLs stay the same from one version to the next, so nothing may be reused from a cache.
  'Cache-Control': 'no-cache',
};

const NOT_FOUND = new TextEncoder().encode('Not found');

function notFound(method: string, refused: string): PageAnswer {
  return {
    status: 404,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: method === 'HEAD' ? null : NOT_FOUND,
    refused,
  };
}

type Route = { readonly ok: true; readonly file: string; readonly type: string } | { readonly ok: false; readonly reason: string };

/**
 * Which built file a request names, from the URL alone. The path is taken as sent, not as a URL parser
 * would normalise it, so `..`, `%2e%2e`, `%2f`, `%5c`, `%00` and backslashes never match a route.
 */
export function routePageRequest(requestUrl: string, method: string): Route {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, reason: 'only GET and HEAD are answered' };
  if (requestUrl.length > MAX_URL_LENGTH) return { ok: false, reason: 'the URL is too long' };
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return { ok: false, reason: 'the URL is malformed' };
  }
  const prefix = `${PAGE_ORIGIN}/`;
  if (parsed.protocol !== `${PAGE_SCHEME}:` || parsed.host !== PAGE_HOST || !requestUrl.startsWith(prefix)) {
    return { ok: false, reason: `the URL is not on ${PAGE_ORIGIN}` };
  }
  const rawPath = `/${requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? ''}`;
  if (rawPath !== parsed.pathname) return { ok: false, reason: 'the path is not in its plain form' };
  const page = PAGES.get(rawPath);
  if (page !== undefined) return { ok: true, file: page, type: HTML };
  const asset = ASSET_PATH.exec(rawPath)?.[1];
  if (asset === undefined) return { ok: false, reason: 'the path is not one of the pages or their assets' };
  const type = ASSET_TYPES.get(path.extname(asset).toLowerCase());
  if (type === undefined) return { ok: false, reason: 'the file type is not one the pages use' };
  return { ok: true, file: `assets/${asset}`, type };
}

const errorCode = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';

/** True when `target` is inside `root` (both already resolved by realpath). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/**
 * The answer to one request for the pages in `rendererDir`. The file is resolved through realpath and
 * must still be inside the folder, so a symlink cannot lead out of it. Anything else is 404 with no
 * file-system detail.
 */
export async function answerPageRequest(rendererDir: string, requestUrl: string, method: string): Promise<PageAnswer> {
  const route = routePageRequest(requestUrl, method);
  if (!route.ok) return notFound(method, route.reason);
  try {
    const root = await realpath(rendererDir);
    const file = await realpath(path.join(root, ...route.file.split('/')));
    if (!isInside(root, file)) return notFound(method, 'the file is outside the pages folder');
    const info = await stat(file);
    if (!info.isFile()) return notFound(method, 'the path is not a file');
    if (info.size > MAX_FILE_BYTES) return notFound(method, 'the file is too large to be one of the pages');
    const body = method === 'HEAD' ? null : await readFile(file);
    const length = body === null ? info.size : body.byteLength;
    return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': route.type, 'Content-Length': String(length) }, body };
  } catch (error) {
    return notFound(method, `the file could not be read (${errorCode(error)})`);
  }
}

/** Every file: request in the session is refused: the screens have no business on the disk. */
export function answerFileRequest(method: string): PageAnswer {
  return notFound(method, 'file: URLs are not served');
}

const toResponse = (answer: PageAnswer): Response =>
  new Response(answer.body, { status: answer.status, headers: { ...answer.headers } });

/** Before 'ready' (Electron allows it once): app: becomes a standard, secure scheme, and no more. */
export function registerPageScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([PAGE_SCHEME_REGISTRATION]);
}

/**
 * After 'ready', on the session the windows use: app://terminal/ serves the built pages, and file: is
 * intercepted with a handler that serves nothing. `protocol.handle` is the documented way for both (it
 * intercepts a built-in scheme as well as adding one); the session's webRequest.onBeforeRequest would
 * also work, but a session has one listener per event and others may need it.
 */
export function servePages(protocol: Pick<Protocol, 'handle'>, rendererDir: string, log: Logger): void {
  protocol.handle(PAGE_SCHEME, async (request) => {
    const answer = await answerPageRequest(rendererDir, request.url, request.method);
    if (answer.refused !== undefined) log.log('warn', 'page request refused', { url: request.url.slice(0, 300), reason: answer.refused });
    return toResponse(answer);
  });
  protocol.handle('file', (request) => {
    const answer = answerFileRequest(request.method);
    log.log('warn', 'file request refused', { url: request.url.slice(0, 300), reason: answer.refused });
    return toResponse(answer);
  });
}
