import type { FetchLike } from '../../../app/providers/http';

/**
 * No provider answer the terminal reads (a charge, a list page, a QR image) comes near this; a body
 * larger than it is hostile or broken, and is refused without holding it all in memory.
 */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(limit: number) {
    super(`The response is larger than ${Math.round(limit / 1024)} KB`);
  }
}

/** Reads a body up to `limit` bytes, cancelling the stream (and so the connection) past it. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(limit);
  }
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * The platform's fetch behind the core's FetchLike, with a time limit per request and a cap on the
 * body. On timeout it throws an error named TimeoutError, which the clients treat as "may have
 * reached the provider"; a body over the cap rejects, which the clients report as unreadable.
 */
export function platformFetch(timeoutMs: number, maxBytes = MAX_RESPONSE_BYTES): FetchLike {
  return async (url, request) => {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    return {
      status: response.status,
      headers: { get: (name: string) => response.headers.get(name) },
      text: async () => new TextDecoder().decode(await readCapped(response, maxBytes)),
      bytes: () => readCapped(response, maxBytes),
    };
  };
}
