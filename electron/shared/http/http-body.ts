import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * Request and response bodies for every HTTP listener (the webhook receiver, the web host, the
 * simulators): never buffers past its cap and never throws on a broken connection.
 */

export type BodyResult =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'aborted' };

/** True when the declared Content-Length is already over the cap, so nothing needs to be read. */
export function declaredTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  // The HTTP parser has already refused a Content-Length that is not a number.
  return declared !== undefined && Number(declared) > maxBytes;
}

/** `application/json`, alone or with `charset=utf-8`; any other type or charset is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset=("?)utf-8\1$/.test(parameter));
}

/** Reads a body up to `maxBytes`, counting the bytes as they stream in (chunked bodies declare no length). */
export function readBoundedBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop reading: the caller answers 413 and closes the connection, which discards the rest.
        req.pause();
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      try {
        settle({ kind: 'ok', text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        settle({ kind: 'not-utf8' });
      }
    });
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

/**
 * Answers with a JSON body. `close` ends the connection after the answer: used whenever the request
 * body was not read, so an unread (possibly endless) body is dropped rather than drained.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, options: { readonly headers?: Readonly<Record<string, string>>; readonly close?: boolean } = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(options.close === true ? { connection: 'close' } : {}),
    ...options.headers,
  });
  res.end(text);
}
