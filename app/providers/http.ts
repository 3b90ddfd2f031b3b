/**
 * The slice of `fetch` the provider clients use. `app/` has no DOM or Node types, so it names
 * only what it needs; the host injects the platform's fetch (with its timeout) behind this.
 */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, request: HttpRequest) => Promise<HttpResponse>;

/** Thrown by a FetchLike when its own time limit ran out; the request may have reached the provider. */
export const TIMEOUT_ERROR_NAME = 'TimeoutError';

export function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === TIMEOUT_ERROR_NAME;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Reads Retry-After in seconds or as an HTTP date; undefined when absent or nonsense. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
