import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pinnedConnection } from './pinned-tls';

export interface Connection {
  readonly baseUrl: string;
  readonly key: string;
  /** Pin for an https baseUrl; without it the certificate must chain to a trusted CA. */
  readonly fingerprint256?: string;
  /** Per call, for the answer to start and end. Default 15 s. */
  readonly timeoutMs?: number;
}

export interface JsonAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** The terminal answered with an error: its stable `code` and its sentence. */
export class PosApiError extends Error {
  override readonly name = 'PosApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No answer came (connection refused or dropped, timeout): the request may or may not have arrived. */
export class PosNetworkError extends Error {
  override readonly name = 'PosNetworkError';
}

const MAX_ANSWER_BYTES = 1024 * 1024;

/** Opens a request with the key and, for https, the pin; `onResponse` gets the raw answer. */
export function open(
  connection: Connection,
  method: string,
  path: string,
  headers: Record<string, string>,
  onResponse: (res: IncomingMessage) => void,
): ReturnType<typeof httpRequest> {
  const url = new URL(path, connection.baseUrl);
  const options: RequestOptions = { method, headers: { Authorization: `Bearer ${connection.key}`, Accept: 'application/json', ...headers } };
  if (url.protocol === 'https:') {
    const pinned = connection.fingerprint256 === undefined ? {} : { createConnection: pinnedConnection(connection.fingerprint256) };
    return httpsRequest(url, { ...options, ...pinned }, onResponse);
  }
  return httpRequest(url, options, onResponse);
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorOf(status: number, body: unknown): PosApiError {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body.error as { code?: unknown; message?: unknown }) : {};
  const code = typeof error.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error.message === 'string' ? error.message : `The terminal answered HTTP ${status}.`;
  return new PosApiError(status, code, message);
}

/** One JSON call; resolves with a 2xx answer, rejects with PosApiError (an answer) or PosNetworkError (none). */
export function callJson(connection: Connection, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const sent = payload === undefined ? headers : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)), ...headers };
  return new Promise((resolve, reject) => {
    const req = open(connection, method, path, sent, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) req.destroy(new PosNetworkError(`The terminal's answer is over ${MAX_ANSWER_BYTES} bytes.`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers, body: parseBody(Buffer.concat(chunks).toString('utf8')) };
        if (answer.status >= 200 && answer.status < 300) resolve(answer);
        else reject(errorOf(answer.status, answer.body));
      });
      res.on('error', (error) => reject(new PosNetworkError(error.message)));
    });
    req.setTimeout(connection.timeoutMs ?? 15_000, () => req.destroy(new PosNetworkError('The terminal did not answer in time.')));
    req.on('error', (error) => reject(error instanceof PosNetworkError || error.name === 'PinMismatchError' ? error : new PosNetworkError(error.message)));
    req.end(payload);
  });
}
