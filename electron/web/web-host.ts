import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { displayEvent } from '../../app/ipc/display-view';
import { WS_CLOSE, WS_PATH } from '../../app/ipc/ws-protocol';
import { PAIR_PATH } from '../../app/ipc/pairing-constants';
import type { DisplayPairing } from '../service/pairing/display-pairing';
import type { Logger } from '../service/logging/logger';
import type { ClientRole, TerminalApi } from '../service/terminal/terminal-api';
import { createPageRoutes } from './page-routes';
import { answerClientError, createConnectionBudget, requestTarget } from '../shared/http/http-guard';
import { sourceKey } from '../shared/http/source-address';
import { createHostTokens, type Grant } from './host-tokens';
import { displayLanguagesOf, upgradeToPairing, type PairingSocketContext } from './pairing-socket';
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
  /**
   * Paired displays and the kiosk cashier link (the service's). Without it only this launch's printed
   * links work, as before pairing existed, and the display page has no pairing screen.
   */
  readonly pairing?: DisplayPairing;
  /** The clock pairing codes expire by (the service's). */
  readonly now?: () => number;
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
  readonly grantFor: (token: string | null, remoteAddress: string | undefined) => Grant | null;
  /** Which paired display each open display session is, so revoking it closes them. */
  readonly displayOf: Map<Session, string>;
  readonly pairing: DisplayPairing | undefined;
  readonly pairingSockets: PairingSocketContext | null;
}

const countRole = (sessions: ReadonlySet<Session>, role: ClientRole): number => [...sessions].filter((s) => s.role === role).length;

/** A screen asks for the API: refused with a reason unless its path, token, host, origin and the role's cap allow it. */
function upgradeToSession(ctx: UpgradeContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const { log, limits, sessions } = ctx;
  socket.on('error', () => undefined);
  try {
    const url = requestTarget(req.url);
    if (url === null) return refuse(socket, '400 Bad Request', 'The address is not valid');
    const pairingPath = url.pathname === PAIR_PATH && ctx.pairingSockets !== null;
    if (url.pathname !== WS_PATH && !pairingPath) return refuse(socket, '404 Not Found', `The terminal's API is at ${WS_PATH}`);
    const grant = pairingPath ? null : ctx.grantFor(url.searchParams.get('token'), req.socket.remoteAddress);
    if (!pairingPath && grant === null) {
      return refuse(socket, '401 Unauthorized', (url.searchParams.has('token') ? 'Wrong token. ' : 'Missing token. ') + TOKEN_HELP);
    }
    const host = hostHeader(req.headers.host);
    if (host === null) return refuse(socket, '400 Bad Request', 'The request has no valid Host header');
    // A page from another site must not drive the till, even from this machine's browser.
    const origin = req.headers.origin;
    if (!originAllowed(origin, host)) {
      return refuse(socket, '403 Forbidden', `Connections from ${JSON.stringify((origin ?? '').slice(0, 100))} are not allowed`);
    }
    if (pairingPath && ctx.pairingSockets !== null) return upgradeToPairing(ctx.pairingSockets, req, socket, head);
    if (grant === null) return refuse(socket, '401 Unauthorized', `Missing token. ${TOKEN_HELP}`);
    const { role, displayId } = grant;
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
      const gone = displayId === null || ctx.pairing === undefined ? () => undefined : ctx.pairing.connected(displayId);
      if (displayId !== null) ctx.displayOf.set(session, displayId);
      ws.once('close', () => {
        sessions.delete(session);
        ctx.displayOf.delete(session);
        detach();
        gone();
      });
    });
  } catch (error) {
    log.log('error', 'websocket handshake failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    socket.destroy();
  }
}

/** Unpaired displays get a server of their own: a few bytes a message at most, since they send nothing. */
function pairingContext(pairing: DisplayPairing, api: TerminalApi, log: Logger, now: () => number): PairingSocketContext {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 });
  wss.on('error', (error) => log.log('error', 'pairing websocket server error', { error: error.message }));
  return { pairing, wss, log, now, sockets: new Set(), languages: () => displayLanguagesOf(api) };
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

/** A revoked display's sockets are closed at once, as a wrong token would be: its page goes back to pairing. */
function closeRevoked(ctx: UpgradeContext): () => void {
  if (ctx.pairing === undefined) return () => undefined;
  return ctx.pairing.onRevoked((displayId) => {
    for (const [session, id] of ctx.displayOf) {
      if (id !== displayId) continue;
      ctx.sessions.delete(session);
      ctx.displayOf.delete(session);
      session.ws.close(WS_CLOSE.badToken, 'This display was unpaired');
    }
  });
}

/**
 * The headless web mode: serves the two pages and carries the terminal's API over a WebSocket.
 * Each launch makes fresh tokens: the cashier token may act, the display token may only look; with
 * pairing, displays paired once and the kiosk cashier link work across launches too (host-tokens.ts).
 * Whatever a client sends, the host answers or hangs up; it never throws (docs/security.md).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...options.limits };
  const { log } = options;
  const tokens = createHostTokens(options.pairing);
  const roleOf = (token: string | null, remoteAddress: string | undefined): ClientRole | null => tokens.grantFor(token, remoteAddress)?.role ?? null;

  const pages = createPageRoutes({ pagesDir: options.pagesDir, roleOf, pairing: options.pairing !== undefined, log });
  const server = createPageServer(pages, limits, log);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', (error) => log.log('error', 'websocket server error', { error: error.message }));
  const sessions = new Set<Session>();
  const pairingSockets = options.pairing === undefined ? null : pairingContext(options.pairing, options.api, log, options.now ?? Date.now);
  const upgrade: UpgradeContext = { api: options.api, log, limits, wss, sessions, grantFor: tokens.grantFor, displayOf: new Map(), pairing: options.pairing, pairingSockets };
  server.on('upgrade', (req, socket, head) => upgradeToSession(upgrade, req, socket, head));
  const stopRevoking = closeRevoked(upgrade);
  const detachHost = options.pairing?.attachHost() ?? (() => undefined);

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
  return {
    port,
    urls: { cashier: `${base}/cashier/?token=${tokens.launchToken('cashier')}`, display: `${base}/display/?token=${tokens.launchToken('display')}` },
    sessions: () => ({ cashier: countRole(sessions, 'cashier'), display: countRole(sessions, 'display') }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        stopRevoking();
        detachHost();
        for (const ws of pairingSockets?.sockets ?? []) ws.close(WS_CLOSE.shuttingDown, 'terminal shutting down');
        pairingSockets?.wss.close();
        for (const session of sessions) session.ws.close(WS_CLOSE.shuttingDown, 'terminal shutting down');
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
