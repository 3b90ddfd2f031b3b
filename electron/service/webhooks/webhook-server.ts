import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../../../app/engine/clock';
import { answerClientError, createConnectionBudget } from '../../shared/http/http-guard';
import { createRateLimiter } from '../../shared/http/rate-limit';
import { sourceKey } from '../../shared/http/source-address';
import type { Logger } from '../logging/logger';
import { handleWebhook, type WebhookContext, type WebhookRoute } from './webhook-handler';
import { DEFAULT_WEBHOOK_LIMITS, type WebhookLimits } from './webhook-limits';
import { createWebhookRefusalLog, type WebhookRefusalLog } from './webhook-refusal-log';

export type { WebhookRoute } from './webhook-handler';
export { DEFAULT_WEBHOOK_LIMITS, type WebhookLimits } from './webhook-limits';

export interface WebhookServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Real time; the log-sampling timer never holds the process open on its own. */
const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms).unref();
    return () => clearTimeout(timer);
  },
};

/**
 * Receives provider webhooks and callbacks. Each only triggers an immediate status check of the
 * payment it names; the answer from that check, not the message, decides what the terminal shows.
 * It faces the internet, so every sender is rate-limited, every body and connection is bounded,
 * and refusals are logged as counts rather than a line each.
 */
export async function startWebhookServer(options: {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly WebhookRoute[];
  readonly onPaymentHint: (providerRef: string) => boolean;
  readonly log: Logger;
  readonly limits?: Partial<WebhookLimits>;
  readonly clock?: Clock;
}): Promise<WebhookServer> {
  const limits: WebhookLimits = { ...DEFAULT_WEBHOOK_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const { log } = options;
  const refusals = createWebhookRefusalLog(clock, limits, log);
  const limiter = createRateLimiter({ ratePerSecond: limits.ratePerSecond, burst: limits.burst, maxSources: limits.maxSources, now: () => clock.now() });
  const ctx: WebhookContext = { routes: options.routes, limits, limiter, refusals, onPaymentHint: options.onPaymentHint, log };

  const server = createBoundedServer(limits, refusals, (req, res, expectsContinue) => handleWebhook(ctx, req, res, expectsContinue));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, an error (e.g. out of file handles on accept) is logged, never thrown.
  server.on('error', (error: NodeJS.ErrnoException) => refusals.refused.note('listener', `the listener failed: ${error.code ?? error.message}`));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        refusals.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server whose timeouts, headers and connections (per source and in all) are bounded by `limits`. */
function createBoundedServer(
  limits: WebhookLimits,
  refusals: WebhookRefusalLog,
  handle: (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => void,
): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
      maxHeaderSize: 8 * 1024,
    },
    (req, res) => handle(req, res, false),
  );
  // Node would answer 100 Continue before the checks; this way a refused sender never sends its body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  server.maxHeadersCount = 50;
  server.maxConnections = limits.maxConnections;
  server.maxRequestsPerSocket = 100;
  // No 'timeout' listener: Node then destroys a socket idle for this long.
  server.setTimeout(limits.idleTimeoutMs);

  const budget = createConnectionBudget({ perSource: limits.maxConnectionsPerSource, total: limits.maxConnections, key: sourceKey });
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    if (budget.admit(socket)) return;
    refusals.refused.note(sourceKey(socket.remoteAddress), `more than ${String(limits.maxConnectionsPerSource)} open connections`);
    socket.destroy();
  });
  server.on('drop', (data?: { remoteAddress?: string }) => refusals.refused.note(sourceKey(data?.remoteAddress), `the listener is at its ${String(limits.maxConnections)} connections`));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status = answerClientError(error, socket);
    if (status !== null) refusals.refused.note(sourceKey(socket.remoteAddress), status === 408 ? 'the request took too long' : 'the request is not valid HTTP');
  });
  return server;
}
