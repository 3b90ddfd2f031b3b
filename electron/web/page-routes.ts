import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../service/logging/logger';
import type { ClientRole } from '../service/terminal/terminal-api';
import { requestTarget } from '../shared/http/http-guard';
import { hostHeader, pathSegments } from './request-guard';
import { readStatic } from './static-files';

const PAGES = { cashier: ['cashier', 'index.html'], display: ['display', 'index.html'] } as const;
type Page = keyof typeof PAGES;

/** Which tokens open which page: the cashier's page only with the cashier's; the display's with either. */
const OPENS: Readonly<Record<Page, ReadonlySet<ClientRole>>> = {
  cashier: new Set(['cashier']),
  display: new Set(['display', 'cashier']),
};

// Vite's content-hashed bundle names; anything else under /assets/ is not ours.
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\.(js|css|svg|png|woff2)$/;

const TOKEN_HELP =
  'This page needs the link printed by the terminal when it started (it carries a token). Copy the whole link, including ?token=…';

const PAIR_HELP = 'Or open /display/ without a token on this screen to pair it with the terminal.';

/**
 * The policy for a page served to `host`: its own bundle only, and a WebSocket to this host alone.
 * `'self'` covers it in current browsers; the explicit ws:// origin is for those that read 'self' as http only.
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface PageRoutesOptions {
  readonly pagesDir: string;
  readonly roleOf: (token: string | null, remoteAddress: string | undefined) => ClientRole | null;
  /** Whether displays can pair: then the display page opens without a token, to show its pairing code. */
  readonly pairing: boolean;
  readonly log: Logger;
}

/** The HTTP side of the headless host: the two pages behind their tokens, and the built assets. */
export function createPageRoutes(options: PageRoutesOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const send = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void => {
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // The token is in the page URL: never let it leak to another site in a Referer.
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      ...headers,
    });
    res.end(body);
  };

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    const host = hostHeader(req.headers.host);
    if (host === null) return send(res, 400, 'The request has no valid Host header');
    const url = requestTarget(req.url);
    const segments = url === null ? null : pathSegments(url.pathname);
    if (url === null || segments === null) return send(res, 400, 'The address is not valid: encoded separators and dot segments are refused');
    const csp = { 'content-security-policy': contentSecurityPolicy(host) };

    const page = pageOf(segments);
    if (page !== null) {
      // The page itself holds nothing; without a token it can only show a pairing code, which the cashier must approve.
      const pairingPage = page === 'display' && options.pairing && !url.searchParams.has('token');
      const role = options.roleOf(url.searchParams.get('token'), req.socket.remoteAddress);
      if (!pairingPage && (role === null || !OPENS[page].has(role))) return send(res, 401, page === 'display' && options.pairing ? `${TOKEN_HELP} ${PAIR_HELP}` : TOKEN_HELP);
      if (segments.length === 1) return send(res, 308, '', { location: `/${page}/${url.search}` });
      const file = await readStatic(options.pagesDir, PAGES[page]);
      if (file === null) return send(res, 500, 'The pages are not built: run `npm run build`.');
      return send(res, 200, file.body, { ...csp, 'content-type': file.type });
    }
    if (segments.length === 2 && segments[0] === 'assets' && ASSET_NAME.test(segments[1] ?? '')) {
      const file = await readStatic(options.pagesDir, segments);
      if (file === null) return send(res, 404, 'Not found');
      // Vite names assets by content hash, so they may be cached for good.
      return send(res, 200, file.body, { ...csp, 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
    }
    send(res, 404, 'Not found. Open the cashier or display link printed by the terminal.');
  };
}

/** `/cashier`, `/cashier/` and `/cashier/index.html` (and the display's); anything else is no page. */
function pageOf(segments: readonly string[]): Page | null {
  const [first, second, ...rest] = segments;
  if (first !== 'cashier' && first !== 'display') return null;
  if (rest.length > 0) return null;
  return second === undefined || second === '' || second === 'index.html' ? first : null;
}
