import type { z } from 'zod';
import { isTimeout, parseJson, type FetchLike, type HttpRequest, type HttpResponse } from '../http';
import { keyRefused, notFound, providerRejected, rateLimited, transportFailure } from '../provider-errors';
import type { ProviderError } from '../provider';
import { err, ok, type Result } from '../../util/result';
import { demoErrorSchema } from './demo-api';

export const DEMO_LABEL = 'the demo provider';
/** As much of the provider's own words as a cashier's sentence carries. */
const MAX_DETAIL_CHARS = 200;

export interface DemoHttpOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

/** A non-2xx answer as the cashier should read it; the body is the provider's JSON error, if it sent one. */
function demoHttpError(options: DemoHttpOptions, response: HttpResponse, json: ReturnType<typeof parseJson>, mayHaveTakenEffect: boolean): ProviderError {
  const providerError = json.ok ? demoErrorSchema.safeParse(json.value) : undefined;
  const said = providerError?.success ? providerError.data.message : `HTTP ${response.status}`;
  // The provider's words reach the cashier: never let them carry the key back, even if echoed, nor run on.
  const scrubbed = options.apiKey === '' ? said : said.replaceAll(options.apiKey, '[redacted]');
  const detail = scrubbed.length > MAX_DETAIL_CHARS ? `${scrubbed.slice(0, MAX_DETAIL_CHARS - 1)}\u2026` : scrubbed;
  if (response.status === 401 || response.status === 403) return keyRefused(DEMO_LABEL, 'key');
  if (response.status === 404) return notFound(DEMO_LABEL, detail);
  if (response.status === 429) return rateLimited(DEMO_LABEL, response.headers.get('retry-after'), options.now());
  if (response.status >= 500) {
    return {
      kind: 'server',
      message: `${DEMO_LABEL} is having trouble \u2014 retrying`,
      said: { area: 'payment', kind: 'provider_trouble', provider: DEMO_LABEL, httpStatus: null },
      ambiguous: mayHaveTakenEffect,
    };
  }
  return providerRejected(DEMO_LABEL, 'request', detail);
}

/** One call to the demo provider: bearer auth, JSON both ways, and the answer checked against `schema`. */
export async function demoRequest<S extends z.ZodType>(
  options: DemoHttpOptions,
  schema: S,
  method: HttpRequest['method'],
  path: string,
  body?: unknown,
): Promise<Result<z.infer<S>, ProviderError>> {
  const mayHaveTakenEffect = method !== 'GET';
  let response;
  try {
    response = await options.fetch(options.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    return err(transportFailure(DEMO_LABEL, isTimeout(error), mayHaveTakenEffect));
  }
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (response.status >= 200 && response.status < 300) {
    const parsed = json.ok ? schema.safeParse(json.value) : undefined;
    if (parsed?.success) return ok(parsed.data);
    return err({
      kind: 'invalid_response',
      message: `${DEMO_LABEL} sent a response the terminal cannot read`,
      said: { area: 'payment', kind: 'unreadable_answer', provider: DEMO_LABEL },
      ambiguous: mayHaveTakenEffect,
    });
  }
  return err(demoHttpError(options, response, json, mayHaveTakenEffect));
}
