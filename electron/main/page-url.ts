import type { ClientRole } from '../service/terminal/terminal-api';

/**
 * The pages load from one fixed origin on our own scheme, never from file:// (page-protocol.ts serves
 * it), so a screen has no file access and every response carries our headers.
 */
export const PAGE_SCHEME = 'app';
export const PAGE_HOST = 'terminal';
export const PAGE_ORIGIN = `${PAGE_SCHEME}://${PAGE_HOST}`;

/** The URL a window loads for its screen, e.g. app://terminal/cashier/index.html. */
export const pageUrl = (role: ClientRole): string => `${PAGE_ORIGIN}/${role}/index.html`;

/**
 * The document an app://terminal URL names: query and fragment dropped, and a folder's index.html
 * spelled out, so `/cashier/` and `/cashier/index.html` compare equal. Another scheme (file:, http:),
 * another host, a port or user info gives null. Chromium lower-cases the host of a standard scheme;
 * any other spelling is not ours.
 */
export function pageDocument(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${PAGE_SCHEME}:` || parsed.host !== PAGE_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const pathname = parsed.pathname.endsWith('/') ? `${parsed.pathname}index.html` : parsed.pathname;
  return `${PAGE_ORIGIN}${pathname}`;
}

/** True when `url` is our page itself (a reload, or the same page with another query or fragment). */
export function isSamePage(url: string, ourPage: string): boolean {
  const document = pageDocument(url);
  return document !== null && document === pageDocument(ourPage);
}
