import type { Payment } from '../../app/payment/payment';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { startServe, type ServeProcess } from '../support/serve-process';
import { connect } from '../support/ws-client';

/** The answer to one command, or why there was none (the host died, or took too long). */
export type CommandOutcome =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'no_answer'; readonly reason: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The real headless host as a child process on one --data folder, which can be killed with SIGKILL
 * and started again on the same folder. Each command uses its own WebSocket, so a command left
 * hanging by a kill (or a slow create) never takes another command's answer.
 */
export class FaultHost {
  private serve: ServeProcess | null = null;
  crashes = 0;

  constructor(
    private readonly config: string,
    private readonly data: string,
  ) {}

  async start(): Promise<void> {
    if (this.serve !== null) throw new Error('the host is already running');
    this.serve = await startServe(['--config', this.config, '--data', this.data]);
  }

  /** kill -9: no shutdown code runs; the journal is all that survives. */
  async kill(): Promise<void> {
    const serve = this.serve;
    if (serve === null) return;
    this.serve = null;
    serve.child.kill('SIGKILL');
    await serve.stop();
    this.crashes += 1;
  }

  async stop(): Promise<number | null> {
    const serve = this.serve;
    this.serve = null;
    return serve === null ? null : serve.stop();
  }

  output(): string {
    return this.serve === null ? '' : `${this.serve.stdout()}\n${this.serve.stderr()}`;
  }

  /** Sends one command and waits at most `timeoutMs` for its answer. */
  async command(command: string, args: unknown, timeoutMs = 15_000): Promise<CommandOutcome> {
    const serve = this.serve;
    if (serve === null) return { kind: 'no_answer', reason: 'host not running' };
    const url = new URL(serve.cashierUrl);
    let client: Awaited<ReturnType<typeof connect>>;
    try {
      client = await connect(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`);
    } catch (error) {
      return { kind: 'no_answer', reason: `connect failed: ${String(error)}` };
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
      const answer: ServerMessage | null = await Promise.race([client.command(command, args), timeout]);
      if (answer === null) return { kind: 'no_answer', reason: `no answer to ${command} within ${timeoutMs} ms` };
      if (answer.type !== 'result') return { kind: 'refused', code: 'protocol', message: JSON.stringify(answer) };
      return answer.result.ok ? { kind: 'ok', value: answer.result.value } : { kind: 'refused', ...answer.result.error };
    } finally {
      clearTimeout(timer);
      client.close();
    }
  }

  /** Sends a command without waiting for it: used to kill the host while it is still working on it. */
  fire(command: string, args: unknown): void {
    void this.command(command, args, 60_000);
  }

  async snapshot(): Promise<Payment | null | undefined> {
    const answer = await this.command('getSnapshot', {}, 5_000);
    return answer.kind === 'ok' ? (answer.value as { payment: Payment | null }).payment : undefined;
  }

  /** Polls the snapshot until `done` holds for the shown payment, at most `timeoutMs`. */
  async waitFor(done: (payment: Payment | null) => boolean, timeoutMs: number, everyMs = 100): Promise<Payment | null | undefined> {
    const until = Date.now() + timeoutMs;
    let last: Payment | null | undefined;
    while (Date.now() < until) {
      last = await this.snapshot();
      if (last !== undefined && done(last)) return last;
      await sleep(everyMs);
    }
    return last;
  }
}

export { sleep };
