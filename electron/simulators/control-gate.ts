import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The header that carries a simulator's control token. A custom header, never the query string: a
 * web page cannot add it to a "simple" cross-origin request, so a browser must ask first (a CORS
 * preflight), and the simulators never answer that with any Access-Control-Allow-* header.
 */
export const CONTROL_HEADER = 'x-simulator-control';

/** Why a control request was refused; each simulator words it in its own error shape. */
export interface ControlRefusal {
  readonly status: 401 | 403;
  readonly code: 'authentication_failure' | 'forbidden';
  readonly message: string;
}

/** A fresh control token: one per demo run, held only in this process. */
export const newControlToken = (): string => randomBytes(32).toString('base64url');

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Equal or not in the same time whatever the input: both sides hashed to one length first. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether a request may use a simulator's controls (settle, faults, clock, webhook target…):
 * - addressed to the simulator by its loopback name: a Host of `127.0.0.1:port` or `localhost:port`
 *   and nothing else, so a page on a rebinding name (evil.example → 127.0.0.1) is refused;
 * - not sent by a web browser: no `Origin` and no `Sec-Fetch-Site`, which every browser adds to a
 *   cross-site POST and no test or script needs;
 * - when the simulator was given a token, carrying it in the control header (compared in constant
 *   time). Without a token (tests that start a simulator themselves) the first two still hold.
 * Null when allowed. 401 for a missing or wrong token, in the simulator's own error shape, rather
 * than a 404 that hides the controls: the port already answers as the simulator (its API's errors
 * say so) and its source is public, so hiding gains nothing, while a plain 401 tells a developer or
 * test that forgot the token what is missing.
 */
export function refuseControl(req: IncomingMessage, token: string | undefined): ControlRefusal | null {
  // The port the request came in on is the simulator's own.
  const port = req.socket.localPort ?? 0;
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, code: 'forbidden', message: `simulator controls answer only requests addressed to 127.0.0.1:${port} or localhost:${port}` };
  }
  if (req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined) {
    return { status: 403, code: 'forbidden', message: 'simulator controls refuse requests made by a web page' };
  }
  if (token === undefined) return null;
  const given = req.headers[CONTROL_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, token)) {
    return { status: 401, code: 'authentication_failure', message: `simulator controls need this run's control token in the ${CONTROL_HEADER} header` };
  }
  return null;
}
