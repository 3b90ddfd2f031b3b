import type { IncomingMessage } from 'node:http';
import { readBoundedBody } from '../shared/http/http-body';

export { sendJson } from '../shared/http/http-body';

const MAX_BODY_BYTES = 64 * 1024;

/** A request body as text, or null when it is larger than a provider API would ever accept (or unreadable). */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const body = await readBoundedBody(req, MAX_BODY_BYTES);
  if (body.kind === 'too-large') req.destroy();
  return body.kind === 'ok' ? body.text : null;
}

export const delay = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
