import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../../../app/engine/clock';
import { declaredTooLarge, isJsonContentType, readBoundedBody, sendJson } from '../../shared/http/http-body';
import { answerClientError, createConnectionBudget, requestTarget } from '../../shared/http/http-guard';
import { createLogSampler, type SampledReport } from '../logging/log-sampler';
import type { Logger, LogLevel } from '../logging/logger';
import { createRateLimiter } from '../../shared/http/rate-limit';
import { sourceKey } from '../../shared/http/source-address';

export interface WebhookRoute {
  readonly path: string;
  /** Reads the provider's payment id from the body, or null; the body is never trusted beyond that. */
  readonly parse: (body: unknown) => string | null;
}

export interface WebhookServer {
  readonly url: string;
  close(): Promise<void>;
}

/** What the listener allows one sender and all of them; tests pass small timeouts. */
export interface WebhookLimits {
  /** Opn's event embeds the whole charge (about 3 KB, more with refunds and metadata); Orangepill sends `{id}`. */
  readonly maxBodyBytes: number;
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Sources the rate limiter and the log sampler remember at most. */
  readonly maxSources: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerSource: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  readonly idleTimeoutMs: number;
  /** How often Node checks the header and request timeouts. */
  readonly timeoutCheckMs: number;
  /** Refusals are logged once per source per interval, with a count. */
  readonly logIntervalMs: number;
}

export const DEFAULT_WEBHOOK_LIMITS: WebhookLimits = {
  maxBodyBytes: 64 * 1024,
  ratePerSecond: 10,
  burst: 20,
  maxSources: 4096,
  maxConnections: 256,
  maxConnectionsPerSource: 16,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  timeoutCheckMs: 1_000,
  logIntervalMs: 60_000,
};

/** Real time; the log-sampling timer never holds the process open on its own. */
const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms).unref();
    return () => clearTimeout(timer);
  },
};

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

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
  const sampler = (
    level: LogLevel,
    describe: (report: SampledReport) => string,
    fields: (report: SampledReport) => Readonly<Record<string, unknown>> = (r) => ({ detail: r.detail }),
  ) =>
    createLogSampler({
      clock,
      intervalMs: limits.logIntervalMs,
      maxSources: limits.maxSources,
      report: (report) => log.log(level, describe(report), { source: report.source, count: report.count, seconds: report.seconds, ...fields(report) }),
    });
  const rateLimited = sampler('warn', (r) =>
    r.first
      ? `Webhooks from ${r.source} are refused by the rate limit (over ${String(limits.ratePerSecond)} a second); a count follows while it lasts`
      : `${plural(r.count, 'webhook')} from ${r.source} refused by the rate limit in the last ${String(r.seconds)} s`,
  );
  const refused = sampler('warn', (r) =>
    r.first ? `A webhook request from ${r.source} was refused: ${r.detail}` : `${plural(r.count, 'more webhook request')} from ${r.source} refused in the last ${String(r.seconds)} s (latest: ${r.detail})`,
  );
  // A late webhook for a payment already settled is normal; many from one address are forged.
  const unknown = sampler(
    'info',
    (r) =>
      r.first
        ? `A webhook from ${r.source} names a payment this terminal does not follow`
        : `${plural(r.count, 'more webhook')} from ${r.source} named payments this terminal does not follow, in the last ${String(r.seconds)} s`,
    (r) => (r.first ? { providerRef: r.detail, known: false } : { latestProviderRef: r.detail, known: false }),
  );
  const limiter = createRateLimiter({ ratePerSecond: limits.ratePerSecond, burst: limits.burst, maxSources: limits.maxSources, now: () => clock.now() });

  const refuse = (res: ServerResponse, source: string, status: number, reason: string, headers: Record<string, string> = {}): void => {
    refused.note(source, reason);
    // The body was not read: close instead of draining it, so an endless body costs nothing.
    sendJson(res, status, { error: reason }, { headers, close: true });
  };

  /** `expectsContinue`: the sender waits for 100 Continue, given only once every check has passed. */
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue = false): void => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const source = sourceKey(req.socket.remoteAddress);
    const decision = limiter.take(source);
    if (!decision.allowed) {
      rateLimited.note(source, 'rate limit');
      const retry = String(decision.retryAfterSeconds);
      return sendJson(res, 429, { error: `Too many requests from this address: retry in ${retry} s.` }, { headers: { 'retry-after': retry }, close: true });
    }
    const path = requestTarget(req.url)?.pathname ?? null;
    if (path === null) return refuse(res, source, 400, 'The request target is not a valid URL.');
    const route = options.routes.find((r) => r.path === path);
    if (route === undefined) return refuse(res, source, 404, `Nothing is served at ${path.slice(0, 100)}.`);
    if (req.method !== 'POST') return refuse(res, source, 405, 'Only POST is accepted here.', { allow: 'POST' });
    if (!isJsonContentType(req.headers['content-type'])) return refuse(res, source, 415, 'The body must be application/json (UTF-8).');
    if (declaredTooLarge(req, limits.maxBodyBytes)) return refuse(res, source, 413, `The body is over ${String(limits.maxBodyBytes)} bytes.`);
    if (expectsContinue) res.writeContinue();
    void readBoundedBody(req, limits.maxBodyBytes).then((body) => {
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') return refuse(res, source, 413, `The body is over ${String(limits.maxBodyBytes)} bytes.`);
      if (body.kind === 'not-utf8') return refuse(res, source, 400, 'The body is not UTF-8 text.');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.text);
      } catch {
        refused.note(source, 'the body is not JSON');
        return sendJson(res, 400, { error: 'The body is not JSON.' });
      }
      const providerRef = route.parse(parsed);
      if (providerRef === null) {
        refused.note(source, 'the body names no payment');
        return sendJson(res, 400, { error: 'The body names no payment.' });
      }
      let known: boolean;
      try {
        known = options.onPaymentHint(providerRef);
      } catch (error) {
        log.log('error', 'A webhook hint could not be handled', { path: route.path, providerRef, error: error instanceof Error ? error.message : String(error) });
        return sendJson(res, 500, { error: 'The terminal could not take the message; send it again later.' });
      }
      // Hints for real payments are rare and each is worth a line; forged ones are counted.
      if (known) log.log('info', 'webhook', { path: route.path, providerRef, known, source });
      else unknown.note(source, providerRef);
      // Answer 200 either way: the sender only needs to know it was received.
      sendJson(res, 200, { received: true });
    });
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
      maxHeaderSize: 8 * 1024,
    },
    handle,
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
    refused.note(sourceKey(socket.remoteAddress), `more than ${String(limits.maxConnectionsPerSource)} open connections`);
    socket.destroy();
  });
  server.on('drop', (data?: { remoteAddress?: string }) => refused.note(sourceKey(data?.remoteAddress), `the listener is at its ${String(limits.maxConnections)} connections`));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status = answerClientError(error, socket);
    if (status !== null) refused.note(sourceKey(socket.remoteAddress), status === 408 ? 'the request took too long' : 'the request is not valid HTTP');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, an error (e.g. out of file handles on accept) is logged, never thrown.
  server.on('error', (error: NodeJS.ErrnoException) => refused.note('listener', `the listener failed: ${error.code ?? error.message}`));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [rateLimited, refused, unknown]) s.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
