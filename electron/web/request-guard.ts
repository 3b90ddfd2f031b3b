/*
 * The web host's checks on what a browser, a tablet or a LAN neighbour sends, before a route sees it
 * (the request target itself is parsed by ../service/http-guard.ts). Each answers a value instead of
 * throwing: a header that cannot be parsed is the client's problem, answered with a 400.
 */

// A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. Nothing else, so a
// Host header can be repeated in our own CSP header without letting a client write into it.
const HOST_HEADER = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The Host header when it is a plain host[:port], else null. */
export function hostHeader(value: string | undefined): string | null {
  if (value === undefined || value.length > 260 || !HOST_HEADER.test(value)) return null;
  return value.toLowerCase();
}

/**
 * Whether a WebSocket handshake's Origin may drive the terminal: absent (not a browser; the token
 * still decides), or an http(s) page served by this very host. `null` (a sandboxed frame, a file://
 * page, a redirect chain) and anything unparsable are refused.
 */
export function originAllowed(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host.toLowerCase() === host;
}

/**
 * The path's segments, percent-decoded one by one, or null when a segment hides a separator, a
 * NUL or a dot segment behind its encoding (`..%2fcashier%2findex.html`, `%5c`, `%00`). The URL
 * parser already resolved plain `..`; what is left must be names, not directions.
 */
export function pathSegments(pathname: string): readonly string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (/[/\\\0]/.test(segment) || segment === '.' || segment === '..') return null;
    segments.push(segment);
  }
  return segments;
}
