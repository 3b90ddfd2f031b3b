import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { clientMessageSchema, WS_CLOSE, WS_PATH, type ServerMessage } from '../../app/ipc/ws-protocol';
import { describeInvalidArgs } from '../../app/ipc/contract';
import type { Logger } from '../service/logger';
import type { ClientRole, TerminalApi } from '../service/terminal-api';
import { readStatic } from './static-files';

export interface WebHostOptions {
  readonly api: TerminalApi;
  readonly host: string;
  readonly port: number;
  /** The built renderer: `cashier/index.html`, `display/index.html`, `assets/…`. */
  readonly pagesDir: string;
  readonly log: Logger;
}

export interface WebHost {
  readonly port: number;
  readonly urls: { readonly cashier: string; readonly display: string };
  close(): Promise<void>;
}

// Room for a pasted QR image (lookupRequest allows 700,000 base64 characters); anything larger is refused.
const MAX_MESSAGE_BYTES = 1024 * 1024;

const rawText = (data: RawData): string =>
  (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
const PAGES = { cashier: 'cashier/index.html', display: 'display/index.html' } as const;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // The token is in the page URL: never let it leak to another site in a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

const TOKEN_HELP =
  'This page needs the link printed by the terminal when it started (it carries a token). Copy the whole link, including ?token=…';

/**
 * The headless web mode: serves the two pages and carries the terminal's API over a WebSocket.
 * Each launch makes fresh tokens: the cashier token may act, the display token may only look.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const tokens: ReadonlyArray<readonly [Buffer, ClientRole]> = [
    [Buffer.from(randomBytes(18).toString('base64url')), 'cashier'],
    [Buffer.from(randomBytes(18).toString('base64url')), 'display'],
  ];
  const roleOf = (token: string | null): ClientRole | null => {
    if (token === null) return null;
    const given = Buffer.from(token);
    for (const [expected, role] of tokens) {
      if (given.length === expected.length && timingSafeEqual(given, expected)) return role;
    }
    return null;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store') => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const page = /^\/(cashier|display)(\/|\/index\.html)?$/.exec(url.pathname)?.[1] as keyof typeof PAGES | undefined;
    if (page !== undefined) {
      if (roleOf(url.searchParams.get('token')) === null) return send(res, 401, 'text/plain; charset=utf-8', TOKEN_HELP);
      if (!url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
        res.writeHead(308, { location: `/${page}/${url.search}`, 'referrer-policy': 'no-referrer' });
        return void res.end();
      }
      const file = await readStatic(options.pagesDir, PAGES[page]);
      if (file === null) return send(res, 500, 'text/plain; charset=utf-8', 'The pages are not built: run `npm run build`.');
      return send(res, 200, file.type, file.body);
    }
    if (url.pathname.startsWith('/assets/')) {
      const file = await readStatic(options.pagesDir, decodeURIComponent(url.pathname.slice(1)));
      if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      // Vite names assets by content hash, so they may be cached for good.
      return send(res, 200, file.type, file.body, 'public, max-age=31536000, immutable');
    }
    send(res, 404, 'text/plain; charset=utf-8', `Not found. Open the cashier or display link printed by the terminal.`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.log('error', 'web request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const refuse = (socket: Duplex, status: number, reason: string, body: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found', `The terminal's API is at ${WS_PATH}`);
    const role = roleOf(url.searchParams.get('token'));
    if (role === null) {
      const body = url.searchParams.has('token') ? 'Wrong token. ' + TOKEN_HELP : 'Missing token. ' + TOKEN_HELP;
      return refuse(socket, 401, 'Unauthorized', body);
    }
    // A page from another site must not drive the till, even from this machine's browser.
    const origin = req.headers.origin;
    if (origin !== undefined && new URL(origin).host !== req.headers.host) {
      return refuse(socket, 403, 'Forbidden', `Connections from ${origin} are not allowed`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, role));
  });

  const serveClient = (ws: WebSocket, role: ClientRole) => {
    const post = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.api.subscribe((event, payload) => post({ type: 'event', event, payload } as ServerMessage));
    const detach = options.api.attachScreen(role);
    ws.on('close', () => {
      unsubscribe();
      detach();
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        return post({ type: 'error', error: { code: 'malformed_message', message: 'Messages must be JSON text, not binary' } });
      }
      let json: unknown;
      try {
        json = JSON.parse(rawText(data));
      } catch {
        return post({ type: 'error', error: { code: 'malformed_message', message: 'Message is not valid JSON' } });
      }
      const parsed = clientMessageSchema.safeParse(json);
      if (!parsed.success) {
        const id = typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'number' ? json.id : null;
        const error = { code: 'malformed_message', message: describeInvalidArgs('message', parsed.error) } as const;
        return post(id === null ? { type: 'error', error } : { type: 'result', id, result: { ok: false, error } });
      }
      const { id, command, args } = parsed.data;
      void options.api.dispatch(command, args, role).then((result) => post({ type: 'result', id, result }));
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `http://${shownHost}:${port}`;
  const token = (role: ClientRole) => tokens.find(([, r]) => r === role)?.[0].toString() ?? '';

  return {
    port,
    urls: { cashier: `${base}/cashier/?token=${token('cashier')}`, display: `${base}/display/?token=${token('display')}` },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(WS_CLOSE.shuttingDown, 'terminal shutting down');
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
