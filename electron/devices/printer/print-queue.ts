import type { Clock } from '../../../app/engine/clock';
import type { DeviceSaid, PrintProblem } from '../../../app/i18n/said/devices';
import { problemOf } from '../device-fault';
import { describeStatus, sameStatus, unknownStatus, type PrinterStatus } from './printer-status';
import type { PrinterTransport } from './transport';
import { settlesWithin } from '../within';

export interface PrintJobRequest {
  /** Stable per document, e.g. `receipt:<paymentId>`, so a reprint names the same job. */
  readonly id: string;
  /** For people: "Paid receipt SO-1234". */
  readonly label: string;
  readonly bytes: Uint8Array;
}

export type JobOutcome =
  | { readonly ok: true; readonly id: string; readonly attempts: number }
  | {
      readonly ok: false;
      readonly id: string;
      readonly attempts: number;
      readonly message: string;
      /** Why, as data: the print report words the job's name and this in the cashier's language. */
      readonly problem?: PrintProblem;
      /** A refusal that is a whole sentence of its own (a job no longer kept). */
      readonly said?: DeviceSaid;
    };

export type JobState = 'queued' | 'printing' | 'printed' | 'failed';

export interface JobRecord {
  readonly id: string;
  readonly label: string;
  readonly state: JobState;
  readonly attempts: number;
  /** Set when the job failed: the sentence for the cashier's reprint prompt. */
  readonly message: string | null;
}

export interface PrintQueueOptions {
  readonly transport: PrinterTransport;
  readonly clock: Clock;
  /** Per attempt, for the write; serial transports add the time the bytes take on the wire. */
  readonly timeoutMs?: number;
  readonly statusTimeoutMs?: number;
  /** Further attempts after the first, for transport errors and timeouts only. */
  readonly retries?: number;
  readonly backoffMs?: number;
  /** Failed and printed jobs kept for reprint. */
  readonly keep?: number;
}

export type QueueEvent =
  | { readonly type: 'status'; readonly status: PrinterStatus }
  | { readonly type: 'job'; readonly job: JobRecord };

type Listener = (event: QueueEvent) => void;

const CLOSED_MESSAGE = 'the terminal was shutting down';

class AttemptFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly problem: PrintProblem | undefined,
  ) {
    super(message);
  }
}

const JOB_GONE: DeviceSaid = { area: 'devices', kind: 'print_job_gone' };

/**
 * Jobs print one at a time. `print` never throws and never waits on the printer for its caller
 * beyond the returned promise; a failed job stays in `jobs()` for `reprint`.
 */
export class PrintQueue {
  private readonly records = new Map<string, JobRecord>();
  private readonly payloads = new Map<string, PrintJobRequest>();
  private readonly listeners = new Set<Listener>();
  private tail: Promise<unknown> = Promise.resolve();
  private lastStatus: PrinterStatus | null = null;
  private readonly timeoutMs: number;
  private readonly statusTimeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly keep: number;
  /** Set once close() has waited: every later job or attempt fails at once instead of reopening the connection. */
  private closed = false;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: PrintQueueOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 2_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.keep = options.keep ?? 20;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last status the printer gave, or unknown for write-only transports and before the first job. */
  status(): PrinterStatus {
    if (this.lastStatus) return this.lastStatus;
    const { kind } = this.options.transport;
    return this.options.transport.queryStatus
      ? unknownStatus('not asked yet', { why: 'not_asked' })
      : unknownStatus(`${kind} printers cannot report status`, { why: 'write_only', link: kind });
  }

  jobs(): readonly JobRecord[] {
    return [...this.records.values()];
  }

  print(job: PrintJobRequest): Promise<JobOutcome> {
    if (this.closed) {
      const message = `${job.label} did not print: ${CLOSED_MESSAGE}`;
      this.update({ id: job.id, label: job.label, state: 'failed', attempts: 0, message });
      return Promise.resolve({ ok: false, id: job.id, attempts: 0, message, problem: { problem: 'shutting_down' } });
    }
    this.payloads.set(job.id, job);
    this.update({ id: job.id, label: job.label, state: 'queued', attempts: 0, message: null });
    const run = this.tail.then(() => this.run(job));
    this.tail = run;
    return run;
  }

  /** Prints a kept job again; an unknown id is an outcome too, not an exception. */
  reprint(id: string): Promise<JobOutcome> {
    const job = this.payloads.get(id);
    if (!job) return Promise.resolve({ ok: false, id, attempts: 0, message: 'That print job is no longer kept; print it again from the payment', said: JOB_GONE });
    return this.print(job);
  }

  /**
   * For a clean shutdown: waits, at most `withinMs`, for every job already queued (including any
   * retries) to finish, then refuses further work, so a job still running when the time is up fails
   * at its next step rather than reopening the connection. True when the queue emptied in time.
   */
  async close(withinMs: number): Promise<boolean> {
    const drained = this.closed || (await settlesWithin(this.tail, withinMs));
    this.closed = true;
    for (const wake of this.sleepers) wake();
    return drained;
  }

  /** Asks the printer now (the settings' "test" button, the device bar's refresh). */
  async refreshStatus(): Promise<PrinterStatus> {
    const status = await this.queryStatus();
    return status ?? this.status();
  }

  private async run(job: PrintJobRequest): Promise<JobOutcome> {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      this.update({ id: job.id, label: job.label, state: 'printing', attempts, message: null });
      try {
        await this.attempt(job);
        this.update({ id: job.id, label: job.label, state: 'printed', attempts, message: null });
        return { ok: true, id: job.id, attempts };
      } catch (error: unknown) {
        const failure = error instanceof AttemptFailure ? error : new AttemptFailure(error instanceof Error ? error.message : String(error), true, problemOf(error));
        const fail = (): JobOutcome => {
          const message = `${job.label} did not print: ${failure.message}`;
          this.update({ id: job.id, label: job.label, state: 'failed', attempts, message });
          return { ok: false, id: job.id, attempts, message, ...(failure.problem === undefined ? {} : { problem: failure.problem }) };
        };
        if (!failure.retryable || attempts > this.retries || this.closed) return fail();
        await this.sleep(this.backoffMs * 2 ** (attempts - 1));
        // Closed during the backoff: the job ends with the reason it last failed for.
        if (this.closed) return fail();
      }
    }
  }

  private async attempt(job: PrintJobRequest): Promise<void> {
    if (this.closed) throw new AttemptFailure(CLOSED_MESSAGE, false, { problem: 'shutting_down' });
    const status = await this.queryStatus();
    // A printer that needs a person (paper, cover) will not fix itself between retries.
    if (status?.known && !status.ready) {
      const condition = status.conditions[0];
      throw new AttemptFailure(describeStatus(status), false, condition === undefined ? undefined : { problem: 'condition', condition });
    }
    const { transport } = this.options;
    const wire = transport.bytesPerSecond ? (job.bytes.length / transport.bytesPerSecond) * 1000 : 0;
    const timeoutMs = Math.ceil(this.timeoutMs + wire);
    const late: PrintProblem = { problem: 'no_response', where: transport.description, ms: timeoutMs };
    await this.withDeadline(transport.write(job.bytes, timeoutMs), timeoutMs, `the printer (${transport.description}) did not respond within ${timeoutMs} ms`, late);
  }

  private async queryStatus(): Promise<PrinterStatus | null> {
    const { transport } = this.options;
    // Once closed, asking would reopen the connection the shutdown just closed.
    if (!transport.queryStatus || this.closed) return null;
    let status: PrinterStatus;
    try {
      status = await this.withDeadline(transport.queryStatus(this.statusTimeoutMs), this.statusTimeoutMs + 100, 'no status reply', undefined);
    } catch (error: unknown) {
      status = unknownStatus(error instanceof Error ? error.message : String(error));
    }
    if (!sameStatus(this.lastStatus, status)) {
      this.lastStatus = status;
      this.emit({ type: 'status', status });
    }
    return status;
  }

  private withDeadline<T>(work: Promise<T>, ms: number, message: string, problem: PrintProblem | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cancel = this.options.clock.setTimer(() => reject(new AttemptFailure(message, true, problem)), ms);
      work.then(
        (value) => {
          cancel();
          resolve(value);
        },
        (error: unknown) => {
          cancel();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** A backoff between attempts; cut short when the queue closes, so a shutdown does not wait it out. */
  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        cancel();
        resolve();
      };
      const cancel = this.options.clock.setTimer(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private update(record: JobRecord): void {
    this.records.delete(record.id);
    this.records.set(record.id, record);
    while (this.records.size > this.keep) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
      this.payloads.delete(oldest);
    }
    this.emit({ type: 'job', job: record });
  }

  private emit(event: QueueEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not stop the printer.
      }
    }
  }
}
