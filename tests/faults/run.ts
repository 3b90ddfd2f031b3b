import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFinal, type Payment } from '../../app/payment/payment';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { FaultHost } from './host';
import { createPath, planPayment, type PaymentPlan } from './plan';
import { createRng } from './prng';
import { compare, opnRecords, orangepillRecords, type Comparison } from './reconcile';

const OPN_KEY = 'skey_test_faultSuite42';
const OP_KEY = 'op_fault_suite_key_42';
const OP_ALIAS = '@fault_shop';
/** How long one payment may take to settle in the journal once the customer (or cashier) acted. */
const SETTLE_MS = 45_000;
const CREATE_MS = 45_000;
const CANCEL_TRIES = 6;

export interface FaultRunOptions {
  readonly payments: number;
  readonly seed: number;
  /** Progress lines (one per payment); silent when absent. */
  readonly log?: (line: string) => void;
}

export interface FaultRunResult extends Comparison {
  readonly payments: number;
  readonly faults: number;
  readonly crashes: number;
  readonly seed: number;
  readonly line: string;
  /** Journal statuses at the end, by status, for a feel of what the run covered. */
  readonly statuses: Readonly<Record<string, number>>;
}

const createdOrFinal = (p: Payment | null) => p !== null && (isFinal(p.state) || (p.providerRef !== null && p.state.status !== 'creating'));
const final = (p: Payment | null) => p !== null && isFinal(p.state);

/**
 * Many payments through the real headless host against both simulators, with random faults and
 * kill -9 restarts; at the end the journal is compared with the simulators' own records.
 */
export async function runFaultSuite(options: FaultRunOptions): Promise<FaultRunResult> {
  const log = options.log ?? (() => undefined);
  const rng = createRng(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'fault-suite-'));
  const opn = await startOpnSimulator({ secretKey: OPN_KEY });
  const op = await startOrangepillSimulator({ apiKey: OP_KEY, merchantAlias: OP_ALIAS });
  const config = join(dir, 'settings.json');
  const data = join(dir, 'data');
  writeFileSync(
    config,
    JSON.stringify({
      payment: { pollIntervalMs: 250, qrExpirySeconds: 300, expiryGraceSeconds: 5 },
      providers: {
        opn: { secretKey: OPN_KEY, baseUrl: opn.baseUrl },
        orangepill: { apiKey: OP_KEY, baseUrl: op.baseUrl, merchantAlias: OP_ALIAS },
      },
    }),
    { mode: 0o600 },
  );
  const host = new FaultHost(config, data);
  const charged: string[] = [];
  try {
    await host.start();
    for (let i = 1; i <= options.payments; i++) {
      const plan = planPayment(rng, i);
      const id = await runPayment(host, plan, opn, op);
      if (id !== null) charged.push(id);
      const shown = await host.snapshot();
      log(`#${i} ${plan.provider} ${plan.amountMinor} faults=${plan.faults.length} outcome=${plan.outcome} crash=${plan.crash} -> ${shown?.state.status ?? 'none'}`);
      if (shown !== null && shown !== undefined && isFinal(shown.state)) await host.command('dismiss', { paymentId: shown.id });
    }
    const code = await host.stop();
    if (code !== 0) log(`host exited with ${String(code)}`);
  } finally {
    await host.stop();
    opn.faults.clear();
    op.faults.clear();
  }
  try {
    const journal = openJournal(join(data, 'journal.sqlite3'));
    let payments: readonly Payment[];
    try {
      payments = journal.list({ limit: 1000, offset: 0 }).payments;
    } finally {
      journal.close();
    }
    const records = [...opnRecords(opn.charges()), ...orangepillRecords(op.requests())];
    const result = compare(payments, records, charged);
    const faults = [opn, op].reduce((sum, s) => sum + Object.values(s.faults.injected).reduce((a, b) => a + b, 0), 0);
    const statuses: Record<string, number> = {};
    for (const p of payments) statuses[p.state.status] = (statuses[p.state.status] ?? 0) + 1;
    const line =
      `${payments.length} payments, ${faults} faults, ${host.crashes} crashes: ` +
      `${result.duplicated} duplicated, ${result.lost} lost, ${result.falsePaid} false paid, ${result.stuck} stuck`;
    return { ...result, payments: payments.length, faults, crashes: host.crashes, seed: options.seed, line, statuses };
  } finally {
    await opn.close();
    await op.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One sale from charge to a final state; returns the sale's id, or null when none was made. */
async function runPayment(host: FaultHost, plan: PaymentPlan, opn: OpnSimulator, op: OrangepillSimulator): Promise<string | null> {
  const simulator = plan.provider === 'atome' ? opn : op;
  opn.faults.clear();
  op.faults.clear();
  const charge = { amount: { minor: plan.amountMinor, currency: 'SGD' }, method: plan.provider, orderRef: `F${plan.index}` };

  let payment: Payment | null | undefined;
  if (plan.crash === 'during_create') {
    // The create is held at the provider; the host dies with it in flight and restarts at once, so the
    // request lands only after the new host is up. It must wait for it and find it, not charge again.
    const holdMs = 3_000;
    simulator.faults.add({ ...createPath(plan.provider), fault: { kind: 'latency', ms: holdMs } });
    for (const rule of plan.faults) simulator.faults.add(rule);
    host.fire('charge', charge);
    await host.waitFor((p) => p !== null && p.orderRef === charge.orderRef, 2_000, 20);
    await host.kill();
    await host.start();
    payment = await host.waitFor(createdOrFinal, CREATE_MS);
  } else {
    for (const rule of plan.faults) simulator.faults.add(rule);
    const answer = await host.command('charge', charge, CREATE_MS);
    if (answer.kind !== 'ok') return null;
    payment = answer.value as Payment;
    if (!createdOrFinal(payment)) payment = await host.waitFor(createdOrFinal, CREATE_MS);
  }
  if (payment === null || payment === undefined) return null;
  const id = payment.id;
  if (isFinal(payment.state) || payment.providerRef === null) return id;
  const providerRef = payment.providerRef;

  const customerActs = () => {
    if (plan.outcome === 'cancel') return;
    if (plan.provider === 'atome') opn.settle(providerRef, plan.outcome);
    else op.simulate(providerRef, plan.outcome);
  };

  if (plan.crash === 'while_awaiting') {
    await host.kill();
    if (plan.settleWhileDown) customerActs();
    await host.start();
    if (!plan.settleWhileDown) customerActs();
  } else {
    customerActs();
  }

  if (plan.outcome === 'cancel') {
    for (let attempt = 0; attempt < CANCEL_TRIES; attempt++) {
      const shown = await host.waitFor((p) => p !== null && p.id === id && p.state.status !== 'cancelling', 10_000);
      if (shown === null || shown === undefined || final(shown) || shown.id !== id) break;
      await host.command('cancel', { paymentId: id });
      if (final((await host.waitFor(final, 3_000)) ?? null)) break;
    }
  }
  await host.waitFor(final, SETTLE_MS);
  return id;
}
