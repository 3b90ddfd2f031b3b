import type { z } from 'zod';
import { isTimeout, parseJson, type FetchLike, type HttpRequest, type HttpResponse } from '../http';
import type { ProviderError } from '../provider';
import { utf8ToBase64 } from '../../util/base64';
import { err, ok, type Result } from '../../util/result';
import { opnErrorSchema } from './opn-api';
import { opnHttpError, transportError, unreadable } from './opn-errors';

export interface OpnHttpOptions {
  readonly baseUrl: string;
  readonly secretKey: string;
  readonly omiseVersion: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

/** Name/value pairs, sent as application/x-www-form-urlencoded in this order. */
export type Form = readonly (readonly [string, string])[];

export interface Download {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface OpnHttp {
  /** A JSON API call, its answer checked against `schema`. */
  call<S extends z.ZodType>(schema: S, method: HttpRequest['method'], path: string, form?: Form): Promise<Result<z.infer<S>, ProviderError>>;
  /** A document download (the QR image), authenticated like the API; refuses bodies over `maxBytes`. */
  download(url: string, maxBytes: number): Promise<Result<Download, ProviderError>>;
}

function encodeForm(form: Form): string {
  return form.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/** Query strings are the same encoding as forms; absent values are left out. */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const form: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) if (value !== undefined) form.push([name, String(value)]);
  return form.length === 0 ? '' : `?${encodeForm(form)}`;
}

/** HTTP to Opn: basic auth with the secret key, the pinned API version, and errors mapped for the cashier. */
export function createOpnHttp(options: OpnHttpOptions): OpnHttp {
  const basic = utf8ToBase64(`${options.secretKey}:`);
  // Neither the key nor its basic-auth form may ever reach a message.
  const secrets = [options.secretKey, basic];
  const headers = (accept: string): Record<string, string> => ({
    authorization: `Basic ${basic}`,
    'omise-version': options.omiseVersion,
    accept,
  });

  const send = async (url: string, request: HttpRequest, mayHaveTakenEffect: boolean): Promise<Result<HttpResponse, ProviderError>> => {
    try {
      return ok(await options.fetch(url, request));
    } catch (error) {
      return err(transportError(isTimeout(error), mayHaveTakenEffect));
    }
  };

  const failure = async (response: HttpResponse, mayHaveTakenEffect: boolean): Promise<ProviderError> => {
    const json = parseJson(await response.text().catch(() => ''));
    const parsed = json.ok ? opnErrorSchema.safeParse(json.value) : undefined;
    return opnHttpError(
      { status: response.status, error: parsed?.success ? parsed.data : null, retryAfter: response.headers.get('retry-after'), mayHaveTakenEffect },
      secrets,
      options.now(),
    );
  };

  return {
    async call(schema, method, path, form) {
      const mayHaveTakenEffect = method !== 'GET';
      const sent = await send(
        options.baseUrl + path,
        {
          method,
          headers: { ...headers('application/json'), ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
          ...(form === undefined ? {} : { body: encodeForm(form) }),
        },
        mayHaveTakenEffect,
      );
      if (!sent.ok) return sent;
      const response = sent.value;
      if (response.status < 200 || response.status >= 300) return err(await failure(response, mayHaveTakenEffect));
      const json = parseJson(await response.text().catch(() => ''));
      const parsed = json.ok ? schema.safeParse(json.value) : undefined;
      return parsed?.success ? ok(parsed.data) : err(unreadable(mayHaveTakenEffect));
    },

    async download(url, maxBytes) {
      const sent = await send(url, { method: 'GET', headers: headers('image/*') }, false);
      if (!sent.ok) return sent;
      const response = sent.value;
      if (response.status < 200 || response.status >= 300) return err(await failure(response, false));
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) return err(tooLarge(maxBytes));
      let bytes: Uint8Array;
      try {
        bytes = await response.bytes();
      } catch {
        return err(transportError(false, false));
      }
      if (bytes.byteLength > maxBytes) return err(tooLarge(maxBytes));
      return ok({ bytes, contentType: response.headers.get('content-type') ?? '' });
    },
  };
}

function tooLarge(maxBytes: number): ProviderError {
  const kb = Math.round(maxBytes / 1024);
  return {
    kind: 'invalid_response',
    message: `Opn's QR image is larger than the terminal accepts (${kb} KB)`,
    said: { area: 'payment', kind: 'opn_qr_too_large', kb },
    ambiguous: false,
  };
}
