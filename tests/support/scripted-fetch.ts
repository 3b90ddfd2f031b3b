import type { FetchLike, HttpRequest, HttpResponse } from '../../app/providers/http';

/** One canned answer: a status, a body (text or bytes) and its headers. */
export interface Reply {
  readonly status: number;
  readonly body?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A JSON answer. */
export const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

/**
 * A fetch that answers from `route`, in memory: the clients' own code runs whole, only the provider is
 * scripted (for answers no simulator gives on purpose, such as a charge for another amount).
 */
export function scriptedFetch(route: (url: string, request: HttpRequest) => Reply): FetchLike {
  return (url, request) => {
    const reply = route(url, request);
    const body = reply.body ?? '';
    const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response: HttpResponse = {
      status: reply.status,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
      text: () => Promise.resolve(typeof body === 'string' ? body : Buffer.from(body).toString('utf8')),
      bytes: () => Promise.resolve(typeof body === 'string' ? new Uint8Array(Buffer.from(body)) : body),
    };
    return Promise.resolve(response);
  };
}
