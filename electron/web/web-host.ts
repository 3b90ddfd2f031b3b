import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { displayEvent } from '../../app/ipc/display-view';
import { WS_CLOSE, WS_PATH } from '../../app/ipc/ws-protocol';
import type { Logger } from '../service/logging/logger';
import type { ClientRole, TerminalApi } from '../service/terminal/terminal-api';
import { createPageRoutes } from './page-routes';
import { answerClientError, createConnectionBudget, requestTarget } from '../shared/http/http-guard';
import { sourceKey } from '../shared/http/source-address';
import { hostHeader, originAllowed } from './request-guard';
import { startSession, type Session, type SessionLimits } from './ws-session';

export interface HostLimits extends SessionLimits {
  /** Open screens per role; one more is refused with a reason rather than slowing the others. */
  readonly maxCashiers: number;
  readonly maxDisplays: number;
  /** Open sockets (pages, assets, WebSockets) from one address, and in all. */
  readonly connectionsPerAddress: number;
  readonly connections: number;
  /** Time for a client to send its whole header block, and its whole request. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** An HTTP connection with nothing going on is closed after this; WebSockets use the heartbeat instead. */
  readonly idleTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** A ping this often; a screen that has not answered the last one by the next is disconnected. */
  readonly heartbeatMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxCashiers: 8,
  maxDisplays: 8,
  connectionsPerAddress: 64,
  connections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  heartbeatMs: 30_000,
  maxInFlight: 16,
  messagesPerSecond: 50,
  messageBurst: 200,
  maxBufferedBytes: 8 * 1024 * 1024,
};

export interface WebHostOptions {
  readonly api: TerminalApi;
  readonly host: string;
  readonly port: number;
  /** The built renderer: `cashier/index.html`, `display/index.html`, `assets/…`. */
  readonly pagesDir: string;
  readonly log: Logger;
  readonly limits?: Partial<HostLimits>;
}

export interface WebHost {
  readonly port: number;
  readonly urls: { readonly cashier: string; readonly display: string };
  /** Open WebSocket screens by role, for the tests and the bench. */
  sessions(): Readonly<Record<ClientRole, number>>;
  close(): Promise<void>;
}

// Room for a pasted QR image (lookupRequest allows 700,000 base64 characters); anything larger is refused.
const MAX_MESSAGE_BYTES = 1024 * 1024;

const TOKEN_HELP =
  'This page needs the link printed by the terminal when it started (it carries a token). Copy the whole link, including ?token=…';
const ROLE_NAMES: Readonly<Record<ClientRole, string>> = { cashier: 'cashier screens', display: 'customer displays' };

type Tokens = ReadonlyArray<readonly [Buffer, ClientRole]>;

/** The role a token grants, compared in constant time; null for a missing or wrong token. */
function roleFor(tokens: Tokens, token: string | null): ClientRole | null {
  if (token === null) return null;
  const given = Buffer.from(token);
  for (const [expected, role] of tokens) {
    if (given.length === expected.length && timingSafeEqual(given, expected)) return role;
  }
  return null;
}

/** The HTTP side: pages and assets, with Node's timeouts and a connection budget per address and in all. */
function createPageServer(pages: ReturnType<typeof createPageRoutes>, limits: HostLimits, log: Logger): Server {
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2) }, (req, res) => {
    pages(req, res).catch((error: unknown) => {
      log.log('error', 'web request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.timeout = limits.idleTimeoutMs;
  server.maxHeadersCount = 64;
  server.maxRequestsPerSocket = 1000;

  const budget = createConnectionBudget({ perSource: limits.connectionsPerAddress, total: limits.connections, key: sourceKey });
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    if (!budget.admit(socket)) {
      const body = 'Too many connections from this address: close some, then try again';
      socket.end(`HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${String(body.length)}\r\nconnection: close\r\n\r\n${body}`, () => socket.destroy());
    }
  });
  // A request Node cannot parse (bad request line, oversized headers, a timeout): answered 400, 408 or 431, never thrown.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => void answerClientError(error, socket));
  return server;
}

function refuse(socket: Duplex, status: string, body: string): void {
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** What a WebSocket handshake is checked against, and where the screen it opens is kept. */
interface UpgradeContext {
  readonly api: TerminalApi;
  readonly log: Logger;
  readonly limits: HostLimits;
  readonly wss: WebSocketServer;
  readonly sessions: Set<Session>;
  readonly roleOf: (token: string | null) => ClientRole | null;
}

const countRole = (sessions: ReadonlySet<Session>, role: ClientRole): number => [...sessions].filter((s) => s.role === role).length;

/** A screen asks for the API: refused with a reason unless its path, token, host, origin and the role's cap allow it. */
function upgradeToSession(ctx: UpgradeContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const { log, limits, sessions } = ctx;
  socket.on('error', () => undefined);
  try {
    const url = requestTarget(req.url);
    if (url === null) return refuse(socket, '400 Bad Request', 'The address is not valid');
    if (url.pathname !== WS_PATH) return refuse(socket, '404 Not Found', `The terminal's API is at ${WS_PATH}`);
    const role = ctx.roleOf(url.searchParams.get('token'));
    if (role === null) {
      return refuse(socket, '401 Unauthorized', (url.searchParams.has('token') ? 'Wrong token. ' : 'Missing token. ') + TOKEN_HELP);
    }
    const host = hostHeader(req.headers.host);
    if (host === null) return refuse(socket, '400 Bad Request', 'The request has no valid Host header');
    // A page from another site must not drive the till, even from this machine's browser.
    const origin = req.headers.origin;
    if (!originAllowed(origin, host)) {
      return refuse(socket, '403 Forbidden', `Connections from ${JSON.stringify((origin ?? '').slice(0, 100))} are not allowed`);
    }
    const cap = role === 'cashier' ? limits.maxCashiers : limits.maxDisplays;
    if (countRole(sessions, role) >= cap) {
      log.log('warn', 'screen refused: too many open', { role, cap });
      return refuse(socket, '503 Service Unavailable', `${String(cap)} ${ROLE_NAMES[role]} are already connected: close one, then reload this page`);
    }
    ctx.wss.handleUpgrade(req, socket, head, (ws) => {
      // WebSockets live as long as their heartbeat says, not by the HTTP idle timeout.
      (socket as Socket).setTimeout(0);
      const session = startSession(ws, role, { api: ctx.api, log, limits });
      sessions.add(session);
      const detach = ctx.api.attachScreen(role);
      ws.once('close', () => {
        sessions.delete(session);
        detach();
      });
    });
  } catch (error) {
    log.log('error', 'websocket handshake failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    socket.destroy();
  }
}

/** Each event is serialised once per role; a display gets only what a customer display shows. */
function forwardEvents(api: TerminalApi, sessions: ReadonlySet<Session>): () => void {
  return api.subscribe((event, payload) => {
    const forCashier = JSON.stringify({ type: 'event', event, payload });
    const shown = displayEvent(event, payload);
    const forDisplay = shown === null ? null : JSON.stringify({ type: 'event', event, payload: shown });
    for (const session of sessions) {
      const text = session.role === 'cashier' ? forCashier : forDisplay;
      if (text !== null) session.send(text);
    }
  });
}

/** Pings every screen each beat; one that has not answered the last ping by the next is disconnected. */
function startHeartbeat(sessions: ReadonlySet<Session>, heartbeatMs: number, log: Logger): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    for (const session of sessions) {
      if (!session.alive) {
        log.log('info', 'screen stopped answering pings; disconnected', { role: session.role });
        session.ws.terminate();
        continue;
      }
      session.alive = false;
      // A socket already closing throws on ping; its 'close' removes it from the set.
      if (session.ws.readyState === session.ws.OPEN) session.ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();
  return heartbeat;
}

/**
 * The headless web mode: serves the two pages and carries the terminal's API over a WebSocket.
 * Each launch makes fresh tokens: the cashier token may act, the display token may only look.
 * Whatever a client sends, the host answers or hangs up; it never throws (docs/security.md).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...options.limits };
  const { log } = options;
  const tokens: Tokens = [
    [Buffer.from(randomBytes(18).toString('base64url')), 'cashier'],
    [Buffer.from(randomBytes(18).toString('base64url')), 'display'],
  ];
  const roleOf = (token: string | null): ClientRole | null => roleFor(tokens, token);

  const pages = createPageRoutes({ pagesDir: options.pagesDir, roleOf, log });
  const server = createPageServer(pages, limits, log);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', (error) => log.log('error', 'websocket server error', { error: error.message }));
  const sessions = new Set<Session>();
  const upgrade: UpgradeContext = { api: options.api, log, limits, wss, sessions, roleOf };
  server.on('upgrade', (req, socket, head) => upgradeToSession(upgrade, req, socket, head));

  const unsubscribe = forwardEvents(options.api, sessions);
  const heartbeat = startHeartbeat(sessions, limits.heartbeatMs, log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.log('error', 'web host error', { error: error.message }));
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `http://${shownHost}:${port}`;
  const token = (role: ClientRole) => tokens.find(([, r]) => r === role)?.[0].toString() ?? '';

  return {
    port,
    urls: { cashier: `${base}/cashier/?token=${token('cashier')}`, display: `${base}/display/?token=${token('display')}` },
    sessions: () => ({ cashier: countRole(sessions, 'cashier'), display: countRole(sessions, 'display') }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const session of sessions) session.ws.close(WS_CLOSE.shuttingDown, 'terminal shutting down');
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
