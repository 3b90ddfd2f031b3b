/** HTTP clients a hostile sender would use: raw bytes on a socket, from a chosen loopback source address. */
import { request, type Agent } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before the connection closed. */
  readonly text: string;
  /** The status code of the first answer, or null when the server closed without one. */
  readonly status: number | null;
}

const statusOf = (text: string): number | null => {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return match === null ? null : Number(match[1]);
};

/** Opens a socket from `localAddress` (any of 127/8 routes to lo on Linux) and waits for it to connect. */
export function openSocket(url: string, localAddress = '127.0.0.1'): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with all the server sent once the socket has closed (either side). */
export function collectUntilClose(socket: Socket): Promise<RawAnswer> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A reset after the answer is expected when the server closes on an unread body.
  socket.on('error', () => undefined);
  return new Promise((resolve) =>
    socket.once('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ text, status: statusOf(text) });
    }),
  );
}

/** Sends raw bytes and waits for the server to close the connection. */
export async function exchange(url: string, bytes: string | Uint8Array, localAddress = '127.0.0.1'): Promise<RawAnswer> {
  const socket = await openSocket(url, localAddress);
  const answer = collectUntilClose(socket);
  socket.write(bytes);
  return answer;
}

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A POST through Node's client, from `localAddress`, on a fresh connection unless an agent is given. */
export function postFrom(
  url: string,
  body: string,
  options: { readonly localAddress?: string; readonly contentType?: string; readonly headers?: Record<string, string>; readonly agent?: Agent } = {},
): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ...(options.agent === undefined ? { agent: false, localAddress: options.localAddress ?? '127.0.0.1' } : { agent: options.agent }),
        headers: { 'content-type': options.contentType ?? 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
