import type { IncomingMessage } from 'node:http';
import { open, PosApiError, type Connection } from './http-call';

/** One event, as SSE `data:` and webhook bodies carry it. `sync.required`: re-read checkouts with GET. */
export interface PosEvent {
  readonly id: string;
  readonly type: string;
  readonly created: string;
  readonly data: unknown;
}

export interface EventsOptions {
  /** Resume after this id (what you stored from the last event you handled). */
  readonly lastEventId?: string;
  /** Stops the iterator (it then ends without error). */
  readonly signal?: AbortSignal;
  /** Wait before reconnecting a dropped stream, unless the terminal said otherwise (`retry:`, Retry-After). */
  readonly retryMs?: number;
  /** How to wait; tests pass one that resolves at once. */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const MAX_FRAME_CHARS = 256 * 1024;

function defaultWait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isEvent(value: unknown): value is PosEvent {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'type' in value && typeof value.type === 'string';
}

/** Splits text/event-stream into frames (blank-line separated), returning what is left incomplete. */
export function splitFrames(buffer: string): { frames: Map<string, string>[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const frames = blocks.map((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      fields.set(name, fields.has(name) && name === 'data' ? `${fields.get(name)}\n${value}` : value);
    }
    return fields;
  });
  return { frames, rest };
}

function connectStream(connection: Connection, lastEventId: string | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'text/event-stream', ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }) };
    const req = open(connection, 'GET', '/v1/events', headers, resolve);
    const abort = (): void => void req.destroy();
    signal?.addEventListener('abort', abort, { once: true });
    // One listener per connection, removed with it: a till reconnecting for days leaks none.
    req.on('close', () => signal?.removeEventListener('abort', abort));
    req.on('error', reject);
    req.end();
  });
}

async function refusal(res: IncomingMessage): Promise<PosApiError> {
  let text = '';
  for await (const chunk of res) if (text.length < 65536) text += String(chunk);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return new PosApiError(res.statusCode ?? 0, body.error?.code ?? `http_${res.statusCode}`, body.error?.message ?? text);
  } catch {
    return new PosApiError(res.statusCode ?? 0, `http_${res.statusCode}`, `The terminal answered HTTP ${res.statusCode} to the event stream.`);
  }
}

/**
 * Every event from `lastEventId` on, across dropped connections: each reconnect sends the last id
 * seen, so nothing is missed or repeated. Ends when `signal` aborts; throws PosApiError on a refusal
 * that waiting cannot fix (bad key, bad id).
 */
export async function* streamEvents(connection: Connection, options: EventsOptions = {}): AsyncGenerator<PosEvent, void, undefined> {
  const wait = options.wait ?? defaultWait;
  let lastId = options.lastEventId;
  let retryMs = options.retryMs ?? 3000;
  while (!aborted(options.signal)) {
    let res: IncomingMessage;
    try {
      res = await connectStream(connection, lastId, options.signal);
    } catch {
      await wait(retryMs, options.signal);
      continue;
    }
    if (res.statusCode !== 200) {
      const error = await refusal(res);
      if (error.status !== 429 && error.status !== 503) throw error;
      await wait(Math.max(retryMs, Number(res.headers['retry-after'] ?? 0) * 1000), options.signal);
      continue;
    }
    let buffer = '';
    try {
      res.setEncoding('utf8');
      for await (const chunk of res as AsyncIterable<string>) {
        buffer += chunk;
        if (buffer.length > MAX_FRAME_CHARS) throw new Error('An event frame is too long.');
        const { frames, rest } = splitFrames(buffer);
        buffer = rest;
        for (const frame of frames) {
          const retry = Number(frame.get('retry'));
          if (frame.has('retry') && Number.isSafeInteger(retry)) retryMs = retry;
          const data = frame.get('data');
          if (data === undefined) continue;
          const event = parseJson(data);
          if (!isEvent(event)) continue;
          lastId = frame.get('id') ?? event.id;
          yield event;
        }
      }
    } catch {
      // A dropped or garbled stream: reconnect from the last id handled.
    } finally {
      res.destroy();
    }
    if (!aborted(options.signal)) await wait(retryMs, options.signal);
  }
}
