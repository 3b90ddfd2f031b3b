import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy sends back instead of the provider's answer; null passes the answer through. */
export type Tamper = (answer: { readonly method: string; readonly path: string; readonly status: number; readonly body: string }) =>
  | { readonly status?: number; readonly body: string | Buffer; readonly contentType?: string }
  | null;

export interface TamperingProxy {
  readonly baseUrl: string;
  /** Sets how answers are rewritten from now on; null to stop. */
  tamper(rule: Tamper | null): void;
  /** How many answers were rewritten so far. */
  readonly rewritten: () => number;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * A loopback proxy in front of a provider simulator that can rewrite its answers: the provider (or
 * something between) misbehaving in ways a faithful simulator never would.
 */
export async function startTamperingProxy(target: string): Promise<TamperingProxy> {
  let rule: Tamper | null = null;
  let rewritten = 0;
  let baseUrl = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length' && name !== 'connection') headers[name] = value;
      }
      const answer = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const contentType = answer.headers.get('content-type') ?? 'application/octet-stream';
      const bytes = Buffer.from(await answer.arrayBuffer());
      if (!contentType.includes('json')) {
        res.writeHead(answer.status, { 'content-type': contentType }).end(bytes);
        return;
      }
      // Like any reverse proxy: links the provider gives (Opn's QR download) point back through it.
      const text = bytes.toString('utf8').replaceAll(target, baseUrl);
      const replaced = rule?.({ method: req.method ?? 'GET', path: req.url ?? '/', status: answer.status, body: text }) ?? null;
      if (replaced === null) {
        res.writeHead(answer.status, { 'content-type': contentType }).end(text);
        return;
      }
      rewritten += 1;
      res.writeHead(replaced.status ?? answer.status, { 'content-type': replaced.contentType ?? 'application/json' }).end(replaced.body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    tamper: (next) => {
      rule = next;
    },
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
