import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayloads, Snapshot, TerminalInfo } from '../../../app/ipc/contract';
import { PaymentEngine } from '../../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../../app/engine/payment-store';
import { DEFAULT_POLL_POLICY } from '../../../app/engine/poll-policy';
import type { Clock } from '../../../app/engine/clock';
import type { MethodId } from '../../../app/payment/method';
import { isFinal, type Payment } from '../../../app/payment/payment';
import type { PaymentProvider } from '../../../app/providers/provider';
import type { OrangepillClient } from '../../../app/providers/orangepill/orangepill-client';
import { parseOpnWebhook } from '../../../app/providers/opn/opn-webhook';
import { parseOrangepillCallback } from '../../../app/providers/orangepill/orangepill-api';
import type { Settings } from '../../../app/settings/settings';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import type { PoleLinkOpener } from '../../devices/pole-display/serial-link';
import type { Logger } from '../logging/logger';
import { PROVIDER_TIMEOUT_MS } from '../providers/provider-clients';
import { setUpProviders, type ProviderSetup } from '../providers/provider-setup';
import { reachabilityReport, withReachability } from '../providers/provider-reachability';
import { withRefundIds } from '../providers/refund-receipts';
import { newReference } from '../providers/references';
import { openJournal } from '../journal/sqlite-journal';
import type { Journal } from '../journal/journal-types';
import { recentlyEnded } from '../journal/recently-ended';
import { createMemoryPrintLedger } from '../journal/print-ledger';
import { createAuditWriter, type AuditWriter } from '../journal/audit-writer';
import { createDeviceStatusBoard, JOURNAL_OK, journalReport, NO_JOURNAL, type DeviceStatusBoard } from '../devices/device-status';
import { startCounterDevices, type CounterDevices } from '../devices/counter-devices';
import type { DemoPrinter } from '../devices/printer-service';
import { startWebhookServer } from '../webhooks/webhook-server';

/** Sends an event to every screen: the terminal service's one event bus. */
export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface CounterOptions {
  readonly settings: Settings;
  readonly log: Logger;
  readonly clock: Clock;
  readonly emit: Emit;
  /**
   * Where the journal lives: `journal.sqlite3` in this folder, or `journal-demo.sqlite3` in demo mode so
   * demo sales never mix with real ones. Without it (and without `store`) payments are kept in memory.
   */
  readonly dataDir?: string;
  /** The SQLite binding built for this runtime, when it is not the one in node_modules (Electron from a checkout). */
  readonly sqliteBinding?: string;
  /** A store to use instead of the journal (payments kept in memory, or a test's). */
  readonly store?: PaymentStore;
  /** The demo provider's key; random per launch unless a test needs to look for it. */
  readonly demoApiKey?: string;
  /** How serial ports are opened for the pole display; serialport unless a test says otherwise. */
  readonly openSerial?: PoleLinkOpener;
  /** Starts the demo's virtual printer (the demo wiring's), used in demo mode when no printer is set up. */
  readonly demoPrinter: (dots: number) => Promise<DemoPrinter>;
}

/**
 * What runs for one set of settings: the providers (or their simulators), the journal, the payment
 * engine, the devices and the webhook receiver. The terminal service starts a new one when settings
 * are saved; commands and events are the service's, not the counter's.
 */
export interface Counter {
  readonly info: TerminalInfo;
  readonly settings: Settings;
  readonly engine: PaymentEngine;
  readonly journal: Journal | null;
  readonly providers: ReadonlyMap<MethodId, PaymentProvider>;
  /** The built-in simulators, in demo mode; empty when the terminal is live. */
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  readonly devices: CounterDevices;
  readonly board: DeviceStatusBoard;
  /** Records an act in the journal's audit; dropped when payments are kept in memory. */
  readonly audit: AuditWriter;
  /** What getSnapshot answers. */
  readonly snapshot: () => Snapshot;
  /** Tells every screen and device what is on the counter now. */
  readonly announce: () => void;
  /** The sale on the counter while it is not final, which a restart must not interrupt; else null. */
  saleInProgress(): Payment | null;
  close(): Promise<void>;
}

/** The wall clock and real timers, unless a test gives its own. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export async function startCounter(options: CounterOptions): Promise<Counter> {
  const { settings, log, clock, emit } = options;
  const setup = await setUpProviders({
    settings,
    log,
    now: clock.now,
    dataDir: options.dataDir ?? null,
    ...(options.demoApiKey === undefined ? {} : { simulatorKey: () => options.demoApiKey ?? '' }),
  });
  const journal = openCounterJournal(options, setup.demo);
  const info = terminalInfo(settings, setup);
  const board = createDeviceStatusBoard(
    [...info.methods.map((m) => ({ id: m.id, provider: m.provider })), ...setup.notices.map((n) => ({ id: n.method, provider: n.summary }))],
    (devices) => emit('devices', devices),
  );
  // A method not offered that the cashier must hear about (gone from the Opn account) keeps its sentence on the bar.
  for (const notice of setup.notices) board.setProvider(notice.method, notice);
  if (journal !== null) board.setJournal(JOURNAL_OK);
  const devices = await startDevices(options, setup, board, journal);
  const engine = createEngine(options, setup, board, devices, journal);
  engine.resume();
  devices.pole().show(engine.active());
  devices.printer().resume((id) => engine.get(id), journal === null ? [] : recentlyEnded(journal, clock.now()));
  const webhooks =
    settings.webhooks.port === null
      ? null
      : await startWebhookServer({
          host: settings.webhooks.host,
          port: settings.webhooks.port,
          routes: [
            { path: '/webhooks/opn', parse: parseOpnWebhook },
            { path: '/callbacks/orangepill', parse: parseOrangepillCallback },
          ],
          onPaymentHint: (providerRef) => engine.pollByProviderRef(providerRef),
          log,
        });

  return {
    info,
    settings,
    engine,
    journal,
    providers: setup.providers,
    simulators: setup.simulators,
    devices,
    board,
    audit: createAuditWriter(journal, log),
    snapshot: () => ({ terminal: info, payment: engine.active(), devices: board.current(), lastPrint: devices.printer().lastPrint(), serverTime: clock.now() }),
    announce: () => announce(options, engine, devices),
    saleInProgress: () => {
      const active = engine.active();
      return active !== null && !isFinal(active.state) ? active : null;
    },
    close: async () => {
      engine.stop();
      await devices.close();
      await webhooks?.close();
      await setup.close();
      // Last: nothing writes to the journal once the engine is stopped.
      journal?.close();
    },
  };
}

/** What every screen and device shows of the sale on the counter, after each change. */
function announce(options: CounterOptions, engine: PaymentEngine, devices: CounterDevices): void {
  const active = engine.active();
  options.emit('payment', { payment: active, serverTime: options.clock.now() });
  devices.pole().show(active);
}

function openCounterJournal(options: CounterOptions, demo: boolean): Journal | null {
  if (options.store !== undefined || options.dataDir === undefined) return null;
  const { log, clock } = options;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return openJournal(join(options.dataDir, demo ? 'journal-demo.sqlite3' : 'journal.sqlite3'), {
    now: clock.now,
    redactText: log.scrub,
    onUnreadable: (row) => log.log('error', 'journal row unreadable', { ...row }),
    onWriteProblem: (what, problem) => log.log('error', 'journal write failed', { what, problem: problem.message }),
    ...(options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding }),
  });
}

function terminalInfo(settings: Settings, setup: ProviderSetup): TerminalInfo {
  return {
    merchantName: settings.merchant.name,
    demo: setup.demo,
    locale: settings.locale,
    defaultCurrency: settings.currency,
    methods: [...setup.providers.values()].map((p) => p.method),
    language: settings.language,
    sounds: settings.sounds,
    entryMode: settings.payment.entry,
  };
}

function startDevices(options: CounterOptions, setup: ProviderSetup, board: DeviceStatusBoard, journal: Journal | null): Promise<CounterDevices> {
  const { settings, clock, log } = options;
  const orangepill = setup.providers.get('orangepill') as OrangepillClient | undefined;
  return startCounterDevices({
    settings,
    demoPrinter: setup.demo ? options.demoPrinter : null,
    clock,
    log,
    board,
    ledger: journal?.prints ?? createMemoryPrintLedger(clock.now),
    method: (id) => setup.providers.get(id)?.method,
    announcePrint: (print) => options.emit('print', print),
    ...(options.openSerial === undefined ? {} : { openSerial: options.openSerial }),
    ...(orangepill === undefined
      ? {}
      : {
          counterCard: async () => {
            const created = await orangepill.createStaticRequest();
            const alias = orangepill.staticRequest().destination.alias;
            return created.ok ? { ok: true, value: { payload: created.value, alias } } : { ok: false, error: created.error.message };
          },
        }),
  });
}

function createEngine(options: CounterOptions, setup: ProviderSetup, board: DeviceStatusBoard, devices: CounterDevices, journal: Journal | null): PaymentEngine {
  const { settings, clock, log } = options;
  // The engine's requests double as the device bar's reachability check: nothing extra is asked.
  const watched = new Map<MethodId, PaymentProvider>(
    [...setup.providers].map(([id, provider]) => [
      id,
      withRefundIds(withReachability(provider, (error) => board.setProvider(id, reachabilityReport(provider.method.provider, error, clock.now(), settings.locale)))),
    ]),
  );
  const engine: PaymentEngine = new PaymentEngine({
    providers: watched,
    store: options.store ?? journal ?? createMemoryStore(),
    clock,
    policy: {
      ...DEFAULT_POLL_POLICY,
      intervalMs: settings.payment.pollIntervalMs,
      expiryGraceMs: settings.payment.expiryGraceSeconds * 1000,
      backoffBaseMs: settings.payment.backoffBaseMs,
      backoffMaxMs: settings.payment.backoffMaxMs,
    },
    qrLifetimeMs: settings.payment.qrExpirySeconds * 1000,
    createSettleMs: PROVIDER_TIMEOUT_MS + 5000,
    locale: settings.locale,
    merchantName: settings.merchant.name,
    newReference: () => newReference(new Date(clock.now())),
    random: Math.random,
    onChange: (payment) => {
      log.log('info', 'payment', { id: payment.id, status: payment.state.status, providerRef: payment.providerRef });
      if (engine.active()?.id === payment.id) announce(options, engine, devices);
      devices.printer().follow(payment);
    },
    // A journal that cannot save (disk full…) shows on the device bar; new sales are refused meanwhile.
    onStoreProblem: (problem) => {
      if (problem === null) log.log('info', 'journal saving again');
      else log.log('error', 'journal cannot save', { problem: problem.message });
      board.setJournal(problem === null && journal === null ? NO_JOURNAL : journalReport(problem));
    },
    onError: (what, error) => log.log('error', 'payment engine task failed', { what, error: error instanceof Error ? error.message : String(error) }),
  });
  return engine;
}
