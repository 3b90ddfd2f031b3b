import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/*
 * A client below HTTP and WebSocket libraries, which refuse to send what an attacker sends: request
 * lines that are not URLs, frames that break RFC 6455, bytes one at a time. Each call awaits what the
 * host does (an answer, a close), never a fixed time.
 */

export interface RawConnection {
  readonly socket: Socket;
  /** Everything the host has sent so far. */
  received(): Buffer;
  /** Resolves once the host has closed or reset the connection. */
  readonly closed: Promise<void>;
  /** Resolves once `text` has arrived (or the connection closed, whichever is first). */
  waitFor(text: string): Promise<string>;
}

export function rawConnect(port: number, localAddress = '127.0.0.1'): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let data = Buffer.alloc(0);
    const waiters = new Set<() => void>();
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      for (const waiter of waiters) waiter();
    });
    socket.on('error', () => undefined);
    let isClosed = false;
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        isClosed = true;
        for (const waiter of waiters) waiter();
        done();
      }),
    );
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        closed,
        waitFor: (text) =>
          new Promise((done) => {
            const check = () => {
              if (data.toString('latin1').includes(text) || isClosed) {
                waiters.delete(check);
                done(data.toString('latin1'));
              }
            };
            waiters.add(check);
            check();
          }),
      }),
    );
    socket.once('error', reject);
  });
}

/** Sends raw bytes and waits for the host to answer with a status line, or close. */
export async function rawRequest(port: number, bytes: string | Buffer, localAddress?: string): Promise<string> {
  const connection = await rawConnect(port, localAddress);
  connection.socket.write(bytes);
  const text = await connection.waitFor('\r\n\r\n');
  connection.socket.destroy();
  return text;
}

/** Opens a WebSocket by hand: the handshake, then the socket for hand-made frames. */
export async function rawWebSocket(port: number, path: string, headers: Record<string, string> = {}): Promise<RawConnection> {
  const connection = await rawConnect(port);
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  connection.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const answer = await connection.waitFor('\r\n\r\n');
  if (!answer.startsWith('HTTP/1.1 101')) throw new Error(`handshake refused: ${answer.split('\r\n')[0] ?? ''}`);
  return connection;
}

export interface FrameSpec {
  readonly opcode: number;
  readonly payload?: Buffer;
  readonly fin?: boolean;
  readonly rsv1?: boolean;
  /** Clients must mask; false sends the frame bare, as RFC 6455 forbids. */
  readonly mask?: boolean;
  /** A length to claim instead of the payload's own (e.g. 2^53). */
  readonly claimedLength?: bigint;
}

/** One WebSocket frame, built byte by byte so it can break any rule on purpose. */
export function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.claimedLength ?? BigInt(payload.length);
  const mask = spec.mask ?? true;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (spec.rsv1 === true ? 0x40 : 0) | (spec.opcode & 0x0f);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, (mask ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([header, key, masked]);
}
