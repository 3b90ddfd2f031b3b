/** Reads a text/event-stream the way a POS would, frame by frame, independent of tools/pos-client. */
import { request, type IncomingMessage } from 'node:http';

export interface SseFrame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly comment?: string;
  readonly retry?: string;
}

export interface SseTestStream {
  readonly res: IncomingMessage;
  next(): Promise<SseFrame>;
  /** Frames with data (comments and retry skipped). */
  nextEvent(): Promise<SseFrame>;
  close(): void;
}

function parseFrame(block: string): SseFrame {
  const frame: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    frame[field === '' ? 'comment' : field] = frame[field] === undefined ? value : `${frame[field]}\n${value}`;
  }
  return frame;
}

export function openTestStream(url: string, headers: Record<string, string> = {}): Promise<SseTestStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      const frames: SseFrame[] = [];
      const waiters: ((frame: SseFrame) => void)[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          const waiter = waiters.shift();
          if (waiter === undefined) frames.push(frame);
          else waiter(frame);
        }
      });
      const next = (): Promise<SseFrame> => {
        const frame = frames.shift();
        return frame === undefined ? new Promise((r) => waiters.push(r)) : Promise.resolve(frame);
      };
      const nextEvent = async (): Promise<SseFrame> => {
        for (;;) {
          const frame = await next();
          if (frame.data !== undefined) return frame;
        }
      };
      resolve({ res, next, nextEvent, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A whole short answer (an error), as status and parsed JSON. */
export function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingMessage['headers']; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });
}
