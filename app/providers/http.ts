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
  /** The raw body, for images (Opn's QR document, Orangepill's QR png). */
  bytes(): Promise<Uint8Array>;
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

/** A provider may not park the terminal for longer than this, whatever its Retry-After says. */
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/** Reads Retry-After as delta-seconds or an HTTP-date (RFC 9110); undefined when absent or not one of those. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
