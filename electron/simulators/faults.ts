import { ServerResponse, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { delay, sendJson } from './http-util';

/**
 * Scriptable faults for a simulator, consumed one per matching request, in order. They let tests
 * (and the fault-injection suite) make the network and the provider misbehave on demand.
 */
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(60_000) }),
  z.strictObject({ kind: z.literal('status'), status: z.number().int().min(400).max(599) }),
  z.strictObject({ kind: z.literal('rate_limit'), retryAfterSeconds: z.number().int().min(0).max(3600) }),
  /** The connection is destroyed before any answer: the client cannot tell whether the request landed. */
  z.strictObject({ kind: z.literal('reset') }),
  /** The request takes effect, then the connection is destroyed: the answer is lost. */
  z.strictObject({ kind: z.literal('commit_then_drop') }),
]);
export type Fault = z.infer<typeof faultSchema>;

export interface FaultRule {
  readonly fault: Fault;
  /** Only requests with this method (e.g. POST) take the fault; any when absent. */
  readonly method?: string;
  /** Only requests whose path starts with this take the fault; any when absent. */
  readonly pathPrefix?: string;
}

export const faultRuleSchema = z.strictObject({
  fault: faultSchema,
  method: z.string().optional(),
  pathPrefix: z.string().optional(),
});

/** An outage in progress: every matching request takes its fault until it is ended. */
export interface Outage {
  /** When each request that took the outage's fault arrived, on `performance.now()`'s clock. */
  readonly hits: readonly number[];
  /** Ends the outage (again is a no-op); requests are served as before from then on. */
  end(): void;
}

export interface FaultInjector {
  add(rule: FaultRule): void;
  /** Clears the queued one-shot faults; an outage goes on until it is ended. */
  clear(): void;
  /**
   * Starts an outage: until `end()`, every request matching the rule takes its fault (it is not
   * consumed), before any queued one-shot fault. One outage at a time; starting another ends the last.
   */
  startOutage(rule: FaultRule): Outage;
  /** How many faults were injected so far, by kind. */
  readonly injected: Readonly<Record<Fault['kind'], number>>;
}

export type FaultDecision =
  | { readonly action: 'proceed' }
  | { readonly action: 'answered' }
  /** Run the request, then destroy the connection instead of answering. */
  | { readonly action: 'commit_then_drop' };

export function createFaultInjector(): FaultInjector & {
  apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<FaultDecision>;
} {
  let rules: FaultRule[] = [];
  let outage: { readonly rule: FaultRule; readonly hits: number[] } | null = null;
  const injected: Record<Fault['kind'], number> = { latency: 0, status: 0, rate_limit: 0, reset: 0, commit_then_drop: 0 };
  const matches = (r: FaultRule, req: IncomingMessage, path: string): boolean =>
    (r.method === undefined || r.method === req.method) && (r.pathPrefix === undefined || path.startsWith(r.pathPrefix));
  /** The fault this request takes, if any: the outage's first, else the first matching one-shot rule (consumed). */
  const take = (req: IncomingMessage, path: string): FaultRule | undefined => {
    if (outage !== null && matches(outage.rule, req, path)) {
      outage.hits.push(performance.now());
      return outage.rule;
    }
    const index = rules.findIndex((r) => matches(r, req, path));
    return index === -1 ? undefined : rules.splice(index, 1)[0];
  };
  return {
    injected,
    add: (rule) => void rules.push(rule),
    clear: () => {
      rules = [];
    },
    startOutage(rule) {
      const current = { rule, hits: [] as number[] };
      outage = current;
      return {
        hits: current.hits,
        end: () => {
          if (outage === current) outage = null;
        },
      };
    },
    async apply(req, res, path) {
      const rule = take(req, path);
      if (rule === undefined) return { action: 'proceed' };
      injected[rule.fault.kind] += 1;
      switch (rule.fault.kind) {
        case 'latency':
          await delay(rule.fault.ms);
          return { action: 'proceed' };
        case 'status':
          sendJson(res, rule.fault.status, { object: 'error', code: 'injected_fault', message: `injected HTTP ${rule.fault.status}` });
          return { action: 'answered' };
        case 'rate_limit':
          sendJson(res, 429, { object: 'error', code: 'too_many_requests', message: 'rate limit exceeded' }, {
            headers: { 'retry-after': String(rule.fault.retryAfterSeconds) },
          });
          return { action: 'answered' };
        case 'reset':
          req.socket.destroy();
          return { action: 'answered' };
        case 'commit_then_drop':
          return { action: 'commit_then_drop' };
      }
    },
  };
}

/**
 * Serves one API request under the injector's next matching fault. "Commit then drop" runs the
 * request against a response nobody reads, then cuts the connection: the effect happens, the answer is lost.
 */
export async function serveWithFaults(
  injector: { apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<FaultDecision> },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  serve: (res: ServerResponse) => Promise<void>,
): Promise<void> {
  const decision = await injector.apply(req, res, path);
  if (decision.action === 'answered') return;
  if (decision.action === 'commit_then_drop') {
    await serve(new ServerResponse(req));
    req.socket.destroy();
    return;
  }
  return serve(res);
}
