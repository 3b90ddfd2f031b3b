import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { answerClientError, createConnectionBudget } from '../../shared/http/http-guard';
import { sourceKey } from '../../shared/http/source-address';

/** What the POS listener allows; tests pass small ones. */
export interface PosLimits {
  readonly maxBodyBytes: number;
  /** Per POS key, once the key is checked. */
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Per source address, before the key is checked: bounds guessing keys. */
  readonly sourceRatePerSecond: number;
  readonly sourceBurst: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerSource: number;
  readonly headersTimeoutMs: number;
  /** A TLS handshake not done in this time is dropped (the LAN listener): bounds half-open handshakes. */
  readonly handshakeTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly timeoutCheckMs: number;
}

export const DEFAULT_POS_LIMITS: PosLimits = {
  maxBodyBytes: 16 * 1024,
  ratePerSecond: 20,
  burst: 40,
  sourceRatePerSecond: 50,
  sourceBurst: 100,
  maxConnections: 128,
  maxConnectionsPerSource: 64,
  headersTimeoutMs: 10_000,
  handshakeTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  timeoutCheckMs: 1_000,
};

/** The certificate for a LAN listener (the TLS module provides it). */
export interface PosTls {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
}

export interface PosListener {
  readonly url: string;
  /** A new certificate for the connections from now on (https only); open ones finish with the old. */
  replaceTls(tls: PosTls): void;
  close(): Promise<void>;
}

type Handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => void;

/**
 * Listens for the POS API with every bound of the hardening work: header size and count, timeouts
 * (slowloris), connections per source and in all. `tls` makes it HTTPS; without it only loopback.
 */
export async function listenPos(options: { readonly host: string; readonly port: number; readonly tls?: PosTls; readonly limits: PosLimits; readonly handle: Handle }): Promise<PosListener> {
  const { limits } = options;
  const settings = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckMs,
    maxHeaderSize: 8 * 1024,
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => options.handle(req, res, false);
  const tls = options.tls;
  const https = tls === undefined ? null : createHttpsServer({ ...settings, key: tls.key, cert: tls.cert, handshakeTimeout: limits.handshakeTimeoutMs, minVersion: 'TLSv1.2' }, onRequest);
  const server: Server = https ?? createHttpServer(settings, onRequest);
  // A failed handshake (plain http, a scanner, a client that gave up) ends that socket only.
  https?.on('tlsClientError', (_error: Error, socket: Socket) => socket.destroy());
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => options.handle(req, res, true));
  server.maxHeadersCount = 50;
  server.maxConnections = limits.maxConnections;
  server.maxRequestsPerSocket = 1000;
  server.setTimeout(limits.idleTimeoutMs);
  const budget = createConnectionBudget({ perSource: limits.maxConnectionsPerSource, total: limits.maxConnections, key: sourceKey });
  // Counted from the TCP connection, before any TLS handshake, so a flood of handshakes is bounded too.
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    if (!budget.admit(socket)) socket.destroy();
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => void answerClientError(error, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, an error (out of file handles on accept) must never end the terminal.
  server.on('error', () => undefined);
  const { port } = server.address() as AddressInfo;
  const shown = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `${https === null ? 'http' : 'https'}://${shown}:${String(port)}`,
    replaceTls: (next) => https?.setSecureContext({ key: next.key, cert: next.cert }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
