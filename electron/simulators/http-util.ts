import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBoundedBody } from '../shared/http/http-body';

export { sendJson } from '../shared/http/http-body';

const MAX_BODY_BYTES = 64 * 1024;

/** A request body as text, or null when it is larger than a provider API would ever accept (or unreadable). */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const body = await readBoundedBody(req, MAX_BODY_BYTES);
  if (body.kind === 'too-large') req.destroy();
  return body.kind === 'ok' ? body.text : null;
}

export const delay = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** Listens on a free loopback port; the base URL a client of the simulator uses. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server at once, keep-alive connections included, and resolves once it has. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
