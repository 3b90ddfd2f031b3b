import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { MethodId } from '../../app/payment/method';
import type { Payment, PaymentStatus } from '../../app/payment/payment';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { freePort } from '../support/free-port';
import { percentile, row, type BenchRow } from './stats';

const root = join(__dirname, '..', '..');

/**
 * Memory of the headless host (`dist/web/serve.cjs`, a process of its own) while it runs many sales
 * back to back, driven over its WebSocket as the cashier page drives it: charge, the customer's
 * answer at the provider, the result on screen, then dismiss.
 *
 * The host runs live, as at a shop: its providers are the Opn and Orangepill simulators and its
 * receipt printer the virtual printer, all in this process, reached over loopback HTTP and TCP, so
 * the host's memory is the terminal's own. (In demo mode the simulators live inside the host, and a
 * provider's records of every charge grow there by design.) Opn's webhook and Orangepill's callback
 * are on, so each result arrives at once; polling runs at its default policy as always. No customer
 * display is open, so each sale also prints its QR slip and, when paid, its receipt.
 * RSS is read from /proc after every sale; the peak is the kernel's high-water mark (VmHWM).
 */

const OPN_KEY = 'skey_test_benchMemory1000';
const OP_KEY = 'op_bench_memory_key_1000';
const OP_ALIAS = '@bench_shop';
const OUTCOMES: readonly ('paid' | 'failed' | 'cancel')[] = ['paid', 'paid', 'cancel', 'paid', 'failed'];
const METHODS: readonly MethodId[] = ['atome', 'orangepill'];
const SALE_TIMEOUT_MS = 15_000;

function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

interface Host {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly cashierUrl: string;
  stop(): Promise<void>;
}

async function startHost(args: readonly string[]): Promise<Host> {
  const child = spawn(process.execPath, [join(root, 'dist/web/serve.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errText = '';
  // The host logs a line or two a sale to stderr: only the tail is kept, for an error message.
  child.stderr.on('data', (chunk: Buffer) => (errText = (errText + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const cashierUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start within 20 s: ${errText}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^Cashier: (\S+)$/m.exec(out)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    void exited.then(() => reject(new Error(`the host exited before it was ready: ${errText}`)));
  });
  if (child.pid === undefined) throw new Error('the host has no pid');
  return { child, pid: child.pid, cashierUrl, stop };
}

interface Cashier {
  call<T>(command: string, args: unknown): Promise<T>;
  /** Resolves with the sale once a payment event shows it in `status`. */
  until(paymentId: string, status: PaymentStatus): Promise<Payment>;
  close(): void;
}

async function connectCashier(cashierUrl: string): Promise<Cashier> {
  const url = new URL(cashierUrl);
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`);
  const results = new Map<number, (message: ServerMessage) => void>();
  const watchers = new Set<(payment: Payment) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    if (message.type === 'result') {
      results.get(message.id)?.(message);
      results.delete(message.id);
    } else if (message.type === 'event' && message.event === 'payment' && message.payload.payment !== null) {
      for (const watch of [...watchers]) watch(message.payload.payment);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  return {
    call: <T>(command: string, args: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        results.set(id, (message) => {
          if (message.type !== 'result') return reject(new Error(`${command}: ${JSON.stringify(message)}`));
          if (!message.result.ok) return reject(new Error(`${command}: ${message.result.error.message}`));
          resolve(message.result.value as T);
        });
        ws.send(JSON.stringify({ type: 'command', id, command, args }));
      }),
    until: (paymentId, status) =>
      new Promise<Payment>((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`sale ${paymentId} was not ${status} within ${SALE_TIMEOUT_MS} ms`));
        }, SALE_TIMEOUT_MS);
        const watch = (payment: Payment) => {
          if (payment.id !== paymentId || payment.state.status !== status) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(payment);
        };
        watchers.add(watch);
      }),
    close: () => ws.close(),
  };
}

/** The providers' side: the customer's wallet pays or fails the charge at the simulator. */
interface Providers {
  readonly opn: OpnSimulator;
  readonly op: OrangepillSimulator;
}

/** Runs one sale; resolves with how many slips it prints (its QR slip, and its receipt when paid). */
async function sale(cashier: Cashier, providers: Providers, i: number): Promise<number> {
  const method = METHODS[i % METHODS.length] ?? 'atome';
  const outcome = OUTCOMES[Math.floor(i / METHODS.length) % OUTCOMES.length] ?? 'paid';
  const payment = await cashier.call<Payment>('charge', { amount: { minor: 1000 + (i % 9000), currency: 'SGD' }, method });
  if (payment.state.status !== 'awaiting' || payment.providerRef === null) throw new Error(`sale ${i} is ${payment.state.status}, not awaiting`);
  if (outcome === 'cancel') {
    const cancelled = await cashier.call<Payment>('cancel', { paymentId: payment.id });
    if (cancelled.state.status !== 'cancelled') throw new Error(`sale ${i}: cancel left it ${cancelled.state.status}`);
  } else {
    const done = cashier.until(payment.id, outcome);
    const answered = method === 'atome' ? providers.opn.settle(payment.providerRef, outcome) : providers.op.simulate(payment.providerRef, outcome);
    if (!answered.ok) throw new Error(`sale ${i}: ${answered.error}`);
    await done;
  }
  await cashier.call('dismiss', { paymentId: payment.id });
  return outcome === 'paid' ? 2 : 1;
}

/** Counts what comes out of the virtual printer, and waits for a count to be reached. */
function printedCounter(printer: VirtualPrinter): { count(): number; reach(n: number): Promise<void> } {
  let count = 0;
  const waiters = new Set<{ n: number; resolve: () => void }>();
  printer.onReceipt(() => {
    count += 1;
    for (const w of [...waiters]) {
      if (count >= w.n) {
        waiters.delete(w);
        w.resolve();
      }
    }
  });
  return {
    count: () => count,
    reach: (n) =>
      count >= n
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the printer printed ${count} slips, not ${n}, within ${SALE_TIMEOUT_MS} ms`)), SALE_TIMEOUT_MS);
            waiters.add({
              n,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
          }),
  };
}

/** Least-squares slope of y over x. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const mb = (kb: number): number => Math.round((kb / 1024) * 10) / 10;

/**
 * Whether RSS keeps growing. Each reading is taken as a sale ends, so one garbage collection's timing
 * can move it by a few MB: a point is the median of the 50 readings before it. Native memory that
 * JavaScript objects hold (buffers: Opn's QR image decoded for every Atome sale, HTTP bodies) is
 * freed only when V8 collects those objects, and the C heap grows to hold it between collections
 * before it levels off; so RSS climbs over the first few hundred sales and then stays. The target is
 * on the second half of the run: at most 5 MB more after the last sale than half way (1,000 sales:
 * after 500). The growth from the 100th sale, shown beside it, includes that climb and has no target.
 */
const WARM = 100;
const WINDOW = 50;
const GROWTH_TARGET_MB = 5;

export async function benchHostMemory(quick: boolean, step: (name: string) => void): Promise<BenchRow[]> {
  const sales = quick ? 300 : 1000;
  step(`headless host memory over ${sales} sales`);
  const data = mkdtempSync(join(tmpdir(), 'bench-memory-'));
  const port = await freePort();
  const hooks = `http://127.0.0.1:${port}`;
  const opn = await startOpnSimulator({ secretKey: OPN_KEY, webhookUrl: `${hooks}/webhooks/opn` });
  const op = await startOrangepillSimulator({ apiKey: OP_KEY, merchantAlias: OP_ALIAS });
  const printer = new VirtualPrinter({ dots: 576, keep: 2 });
  const printerPort = await printer.listen();
  const printed = printedCounter(printer);
  const config = join(data, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      webhooks: { port },
      providers: {
        opn: { secretKey: OPN_KEY, baseUrl: opn.baseUrl },
        orangepill: { apiKey: OP_KEY, baseUrl: op.baseUrl, merchantAlias: OP_ALIAS, callbackUrl: `${hooks}/callbacks/orangepill` },
      },
      printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printerPort }, paper: '80mm' },
    }),
    { mode: 0o600 },
  );
  let host: Host | null = null;
  let cashier: Cashier | null = null;
  try {
    host = await startHost(['--port', '0', '--data', join(data, 'journal'), '--config', config]);
    const startKb = procStatusKb(host.pid, 'VmRSS');
    const rss: number[] = [];
    cashier = await connectCashier(host.cashierUrl);
    let slips = 0;
    for (let i = 0; i < sales; i++) {
      slips += await sale(cashier, { opn, op }, i);
      // As at a counter, a sale's slips are out before the next customer: no backlog of print jobs.
      await printed.reach(slips);
      rss.push(procStatusKb(host.pid, 'VmRSS'));
    }
    const peakKb = procStatusKb(host.pid, 'VmHWM');
    const at = (n: number) => percentile(rss.slice(Math.max(0, n - WINDOW), n), 50);
    const half = Math.round(sales / 2);
    const perHundred = (from: number) => (slope(rss.slice(from).map((kb, i) => [from + i + 1, kb] as const)) * 100) / 1024;
    const mix =
      `${sales} sales${quick ? ' (--quick; the full run does 1,000)' : ''}, live against the Opn and Orangepill simulators in turn, ` +
      `paid/failed/cancelled, webhooks on, QR slip and receipt printed over TCP, each sale's slips out before the next`;
    const points = `${mb(startKb)} MB when ready, ${mb(at(WARM))} after ${WARM}, ${mb(at(half))} after ${half}, ${mb(at(sales))} after ${sales}`;
    return [
      { ...row('headless host: peak RSS', 'MB', [mb(peakKb)], null, `${mix}; ${points}`), targetLabel: 'none set' },
      {
        ...row(
          `headless host: RSS growth, after ${WARM} → after ${sales} sales`,
          'MB',
          [mb(at(sales) - at(WARM))],
          null,
          `medians of the ${WINDOW} readings before each; the C heap's climb to its level is in it; slope after ${WARM}: ${perHundred(WARM).toFixed(2)} MB per 100 sales`,
        ),
        targetLabel: 'none set; see next row',
      },
      row(
        `headless host: RSS growth, after ${half} → after ${sales} sales`,
        'MB',
        [mb(at(sales) - at(half))],
        GROWTH_TARGET_MB,
        `medians of the ${WINDOW} readings before each; slope after ${half}: ${perHundred(half).toFixed(2)} MB per 100 sales`,
      ),
    ];
  } finally {
    cashier?.close();
    await host?.stop();
    await printer.close();
    await opn.close();
    await op.close();
    rmSync(data, { recursive: true, force: true });
  }
}
