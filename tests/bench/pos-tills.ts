import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TillsConfig, TillsMessage, TillsReport } from './pos-tills-worker';

const READY_TIMEOUT_MS = 15_000;

export interface RunningTills {
  /** Stops every till and returns what they saw. */
  stop(): Promise<TillsReport>;
}

/** Starts the tills' worker (dist/bench/pos-tills-worker.cjs, beside run.cjs) and waits until every till's event stream is open. */
export async function startTills(config: TillsConfig): Promise<RunningTills> {
  const worker = new Worker(join(__dirname, 'pos-tills-worker.cjs'), { workerData: config });
  const next = (): Promise<TillsMessage> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the tills sent nothing within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const settle = (fn: () => void): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        fn();
      };
      const onMessage = (message: TillsMessage): void => settle(() => resolve(message));
      const onError = (error: Error): void => settle(() => reject(error));
      worker.on('message', onMessage);
      worker.on('error', onError);
    });
  const ready = await next().catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (ready.kind !== 'ready') {
    await worker.terminate();
    throw new Error(ready.kind === 'failed' ? ready.message : 'the tills reported before they were ready');
  }
  return {
    async stop() {
      const reported = next();
      worker.postMessage('stop');
      const message = await reported.finally(() => void worker.terminate());
      if (message.kind !== 'report') throw new Error(message.kind === 'failed' ? message.message : 'the tills did not report');
      return message.report;
    },
  };
}
