/** HTTP to a simulator's controls as an attacker would send it: any method, any headers, Host included. */
import { request, type OutgoingHttpHeaders } from 'node:http';

export interface ControlAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly json: unknown;
}

/**
 * One request on a fresh connection, through Node's client so the Host header is ours to set (fetch
 * always sends the URL's). Header values given as a list are sent as that many header lines.
 */
export function controlRequest(
  url: string,
  options: { readonly method?: string; readonly headers?: OutgoingHttpHeaders; readonly body?: string } = {},
): Promise<ControlAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

/** The CORS answer headers a browser would read to let a page go on; a simulator must send none. */
export const corsAllowHeaders = (headers: ControlAnswer['headers']): string[] => Object.keys(headers).filter((h) => h.startsWith('access-control-'));
