import { Agent, request, type IncomingMessage } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { splitFrames } from '../../tools/pos-client/events';

/**
 * The 20 tills of the POS load row, in a worker thread (its own event loop, so the tills' own work
 * is not done on the counter's loop, as it would not be on real tills; the CPU is still shared).
 * Each till holds one GET /v1/events stream open and polls GET /v1/checkouts/{id} for its own
 * checkout every `pollMs`, from its own loopback address (127.0.0.x): tills on a shop LAN each come
 * from their own address, so the API's per-address limit sees each till apart, as it would there.
 * Built as its own bundle (build/bundle-bench.mjs) and started by pos-tills.ts.
 */

export const tillsConfigSchema = z.strictObject({
  baseUrl: z.url(),
  pollMs: z.number().int().positive(),
  tills: z.array(z.strictObject({ key: z.string().min(1), checkoutId: z.string().regex(/^co_[0-9a-f]{24}$/), localAddress: z.ipv4() })).max(64),
});
export type TillsConfig = z.infer<typeof tillsConfigSchema>;

export interface TillsReport {
  /** GETs answered, by HTTP status. */
  readonly answers: Record<string, number>;
  /** GETs that got no answer (refused, dropped, timed out). */
  readonly failures: number;
  /** Ticks skipped because the till's previous GET had not come back yet. */
  readonly skipped: number;
  /** Event streams answered 200, and those refused or dropped. */
  readonly streamsOpen: number;
  readonly streamProblems: readonly string[];
  /** Frames (events and heartbeats alike are not counted: only `data:` frames) the streams carried. */
  readonly events: number;
}

export type TillsMessage = { readonly kind: 'ready' } | { readonly kind: 'report'; readonly report: TillsReport } | { readonly kind: 'failed'; readonly message: string };

function runTills(config: TillsConfig, post: (message: TillsMessage) => void): () => TillsReport {
  const answers: Record<string, number> = {};
  const streamProblems: string[] = [];
  let failures = 0;
  let skipped = 0;
  let streamsOpen = 0;
  let events = 0;
  let stopped = false;
  const stoppers: (() => void)[] = [];
  const problem = (message: string): void => {
    if (stopped) return;
    streamProblems.push(message);
    if (streamsOpen < config.tills.length) post({ kind: 'failed', message: `an event stream did not open: ${message}` });
  };

  for (const till of config.tills) {
    const headers = { Authorization: `Bearer ${till.key}` };
    const stream = request(`${config.baseUrl}/v1/events`, { headers: { ...headers, Accept: 'text/event-stream' }, localAddress: till.localAddress, agent: false }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        problem(`HTTP ${String(res.statusCode)}`);
        res.resume();
        return;
      }
      if (++streamsOpen === config.tills.length) post({ kind: 'ready' });
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const { frames, rest } = splitFrames(buffer + chunk);
        buffer = rest;
        events += frames.filter((f) => f.has('data')).length;
      });
      res.on('end', () => problem('the terminal ended a stream'));
    });
    stream.on('error', (error) => problem(error.message));
    stream.end();
    stoppers.push(() => stream.destroy());

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let inFlight = false;
    const poll = (): void => {
      if (inFlight) {
        skipped++;
        return;
      }
      inFlight = true;
      const get = request(`${config.baseUrl}/v1/checkouts/${till.checkoutId}`, { headers, localAddress: till.localAddress, agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          answers[String(res.statusCode)] = (answers[String(res.statusCode)] ?? 0) + 1;
          inFlight = false;
        });
      });
      get.on('timeout', () => get.destroy(new Error('no answer within 10 s')));
      get.on('error', () => {
        if (!stopped) failures++;
        inFlight = false;
      });
      get.end();
    };
    const timer = setInterval(poll, config.pollMs);
    stoppers.push(() => (clearInterval(timer), agent.destroy()));
  }
  return () => {
    stopped = true;
    for (const stop of stoppers) stop();
    return { answers, failures, skipped, streamsOpen, streamProblems, events };
  };
}

if (parentPort !== null) {
  const port = parentPort;
  const post = (message: TillsMessage): void => port.postMessage(message);
  const parsed = tillsConfigSchema.safeParse(workerData);
  if (!parsed.success) post({ kind: 'failed', message: `bad tills config: ${parsed.error.message}` });
  else {
    const stop = runTills(parsed.data, post);
    port.once('message', () => {
      post({ kind: 'report', report: stop() });
      port.close();
    });
  }
}
