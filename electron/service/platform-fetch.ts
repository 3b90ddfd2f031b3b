import type { FetchLike } from '../../app/providers/http';

/**
 * The platform's fetch behind the core's FetchLike, with a time limit per request. On timeout it
 * throws an error named TimeoutError, which the clients treat as "may have reached the provider".
 */
export function platformFetch(timeoutMs: number): FetchLike {
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
      text: () => response.text(),
      bytes: async () => new Uint8Array(await response.arrayBuffer()),
    };
  };
}
