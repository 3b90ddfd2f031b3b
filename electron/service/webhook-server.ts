import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from '../simulators/http-util';
import type { Logger } from './logger';

export interface WebhookRoute {
  readonly path: string;
  /** Reads the provider's payment id from the body, or null; the body is never trusted beyond that. */
  readonly parse: (body: unknown) => string | null;
}

export interface WebhookServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Receives provider webhooks and callbacks. Each only triggers an immediate status check of the
 * payment it names; the answer from that check, not the message, decides what the terminal shows.
 */
export async function startWebhookServer(options: {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly WebhookRoute[];
  readonly onPaymentHint: (providerRef: string) => boolean;
  readonly log: Logger;
}): Promise<WebhookServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = options.routes.find((r) => r.path === new URL(req.url ?? '/', 'http://host').pathname);
    if (route === undefined) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    const text = await readBody(req);
    let body: unknown = null;
    try {
      body = text === null ? null : JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    const providerRef = route.parse(body);
    if (providerRef === null) return sendJson(res, 400, { error: 'no payment id in the body' });
    const known = options.onPaymentHint(providerRef);
    options.log.log('info', 'webhook', { path: route.path, providerRef, known });
    // Answer 200 either way: the sender only needs to know it was received.
    sendJson(res, 200, { received: true });
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => sendJson(res, 500, { error: 'internal' })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
