import type { EventName, EventPayloads, Snapshot, TerminalInfo } from '../../app/ipc/contract';
import { PaymentEngine } from '../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import { DEFAULT_POLL_POLICY } from '../../app/engine/poll-policy';
import type { Clock } from '../../app/engine/clock';
import type { MethodId } from '../../app/payment/method';
import type { Settings } from '../../app/settings/settings';
import type { SimulatedProvider } from '../simulators/simulated-provider';
import { createDispatcher, type CommandHandlers } from './dispatcher';
import type { Logger } from './logger';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_TIMEOUT_MS, setUpProviders } from './provider-setup';
import { openJournal } from './journal/sqlite-journal';
import { recentlyEnded } from './journal/recently-ended';
import { isFinal, type Payment } from '../../app/payment/payment';
import { startWebhookServer } from './webhook-server';
import { parseOpnWebhook } from '../../app/providers/opn/opn-webhook';
import { parseOrangepillCallback } from '../../app/providers/orangepill/orangepill-api';
import { newReference } from './references';
import { createLookupRequest } from './lookup-request';
import type { EventListener, TerminalApi } from './terminal-api';
import type { Authorize } from './staff/authorize';
import { createDeviceStatusBoard, JOURNAL_OK, journalReport, NO_JOURNAL } from './device-status';
import { reachabilityReport, withReachability } from './provider-reachability';
import { startCounterDevices } from './counter-devices';
import { deviceSettingsPath, loadDeviceSettings, saveDeviceSettings } from './device-settings-file';
import { deviceCommands } from './device-commands';
import { demoSimulateCommand } from './demo-commands';
import { historyCommands } from './history-commands';
import { createAuditWriter, type AuditWriter } from './audit-writer';
import { withRefundIds } from './refund-receipts';
import { saleCommands, toApi } from './sale-commands';
import { parkedCommands } from './parked-commands';
import { createMemoryPrintLedger } from './journal/print-ledger';
import type { OrangepillClient } from '../../app/providers/orangepill/orangepill-client';
import type { VirtualPrinter } from '../simulators/printer/virtual-printer';
import type { PoleLinkOpener } from '../devices/pole-display/serial-link';
import type { PaymentProvider } from '../../app/providers/provider';

export interface TerminalCoreOptions {
  readonly settings: Settings;
  readonly log: Logger;
  /**
   * Where the journal lives: `journal.sqlite3` in this folder, or `journal-demo.sqlite3` in demo mode so
   * demo sales never mix with real ones. Without it (and without `store`) payments are kept in memory.
   */
  readonly dataDir?: string;
  /** The SQLite binding built for this runtime, when it is not the one in node_modules (Electron from a checkout). */
  readonly sqliteBinding?: string;
  /** A store to use instead of the journal, for tests. */
  readonly store?: PaymentStore;
  readonly clock?: Clock;
  /** The demo provider's key; random per launch unless a test needs to look for it. */
  readonly demoApiKey?: string;
  /** How serial ports are opened for the pole display; serialport unless a test says otherwise. */
  readonly openSerial?: PoleLinkOpener;
  /** The settings and staff commands, answered by the service that outlives this core (it restarts it). */
  readonly serviceCommands: Pick<CommandHandlers, ServiceCommand>;
  /** Who may run what; anyone, when the service gives no staff rule. */
  readonly authorize?: Authorize;
}

export type ServiceCommand = 'getSettings' | 'saveSettings' | 'testConnection' | 'signIn' | 'resumeSession' | 'signOut' | 'getStaff' | 'saveStaff';

export interface TerminalCore extends TerminalApi {
  readonly info: TerminalInfo;
  /** The journal file in use, or null when payments are kept in memory. */
  readonly journalPath: string | null;
  /** The built-in simulators, in demo mode; empty when the terminal is live. */
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  /** The virtual receipt printer, in demo mode without a real printer; null otherwise. */
  readonly virtualPrinter: VirtualPrinter | null;
  /** The sale on the counter while it is not final, which a restart must not interrupt; else null. */
  saleInProgress(): Payment | null;
  /** What getSnapshot answers. */
  snapshot(): Snapshot;
  /** Records an act in the journal's audit (settings, staff); dropped when payments are kept in memory. */
  readonly audit: AuditWriter;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Composes the platform-free core with this host's adapters: the provider clients, the store, the
 * clock, and (in demo mode) the simulator. Electron's main process and the headless host both run
 * exactly this; only the transport in front of it differs.
 */
export async function startTerminalCore(options: TerminalCoreOptions): Promise<TerminalCore> {
  const { log } = options;
  // Device choices saved from the screen win over the config file's, so they survive a restart.
  const devicesFile = options.dataDir === undefined ? null : deviceSettingsPath(options.dataDir);
  const saved = devicesFile === null ? ({ ok: true, value: {} } as const) : loadDeviceSettings(devicesFile);
  if (!saved.ok) log.log('error', 'saved device settings ignored', { error: saved.error });
  const settings: Settings = saved.ok ? { ...options.settings, ...saved.value } : options.settings;
  const clock = options.clock ?? realClock;
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    for (const listener of listeners) listener(event, payload);
  };

  const setup = await setUpProviders({
    settings,
    log,
    now: clock.now,
    ...(options.demoApiKey === undefined ? {} : { simulatorKey: () => options.demoApiKey ?? '' }),
  });
  const { providers, simulators } = setup;
  if (options.store === undefined && options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const journal =
    options.store !== undefined || options.dataDir === undefined
      ? null
      : openJournal(join(options.dataDir, setup.demo ? 'journal-demo.sqlite3' : 'journal.sqlite3'), {
          now: clock.now,
          redactText: log.scrub,
          onUnreadable: (row) => log.log('error', 'journal row unreadable', { ...row }),
          onWriteProblem: (what, problem) => log.log('error', 'journal write failed', { what, problem: problem.message }),
          ...(options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding }),
        });

  const info: TerminalInfo = {
    merchantName: settings.merchant.name,
    demo: setup.demo,
    locale: settings.locale,
    defaultCurrency: settings.currency,
    methods: [...providers.values()].map((p) => p.method),
    language: settings.language,
    sounds: settings.sounds,
  };

  const board = createDeviceStatusBoard(
    info.methods.map((m) => ({ id: m.id, provider: m.provider })),
    (devices) => emit('devices', devices),
  );
  if (journal !== null) board.setJournal(JOURNAL_OK);
  // The engine's requests double as the device bar's reachability check: nothing extra is asked.
  const watched = new Map<MethodId, PaymentProvider>(
    [...providers].map(([id, provider]) => [
      id,
      withRefundIds(withReachability(provider, (error) => board.setProvider(id, reachabilityReport(provider.method.provider, error, clock.now(), settings.locale)))),
    ]),
  );
  const orangepill = providers.get('orangepill') as OrangepillClient | undefined;
  const devices = await startCounterDevices({
    settings,
    demo: setup.demo,
    clock,
    log,
    board,
    ledger: journal?.prints ?? createMemoryPrintLedger(clock.now),
    method: (id) => providers.get(id)?.method,
    announcePrint: (print) => emit('print', print),
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
  /** Everything a screen needs to draw itself from nothing. */
  const snapshot = (): Snapshot => ({ terminal: info, payment: engine.active(), devices: board.current(), lastPrint: devices.printer().lastPrint(), serverTime: clock.now() });
  /** What every screen and device shows of the sale on the counter, after each change. */
  const announce = (): void => {
    const active = engine.active();
    emit('payment', { payment: active, serverTime: clock.now() });
    devices.pole().show(active);
  };

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
      if (engine.active()?.id === payment.id) announce();
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

  const audit = createAuditWriter(journal, log);

  const lookupRequest = createLookupRequest({
    provider: providers.get('orangepill'),
    secrets: [settings.providers.orangepill.apiKey ?? '', simulators.get('orangepill')?.apiKey ?? ''],
  });

  const dispatch = createDispatcher(
    {
      getSnapshot: () => Promise.resolve({ ok: true, value: snapshot() }),
      ...saleCommands({ engine, audit }),
      ...parkedCommands({ engine, announce, audit, tell: (sales) => emit('parked', sales) }),
      dismiss: (args) => {
        const result = engine.dismiss(args.paymentId);
        if (result.ok) announce();
        return Promise.resolve(toApi(result));
      },
      demoSimulate: demoSimulateCommand((id) => engine.get(id), simulators),
      lookupRequest,
      ...deviceCommands({
        devices,
        payment: (id) => engine.get(id),
        active: () => engine.active(),
        savedIn: devicesFile,
        persist: (next) => (devicesFile === null ? { ok: true, value: undefined } : saveDeviceSettings(devicesFile, next)),
        audit,
      }),
      ...historyCommands({
        journal,
        printer: () => devices.printer(),
        methodLabel: (id) => providers.get(id)?.method.label ?? id,
        now: clock.now,
      }),
      ...options.serviceCommands,
    },
    log,
    options.authorize,
  );

  return {
    info,
    journalPath: journal?.path ?? null,
    simulators,
    get virtualPrinter() {
      return devices.printer().virtualPrinter;
    },
    dispatch,
    snapshot,
    audit,
    saleInProgress: () => {
      const active = engine.active();
      return active !== null && !isFinal(active.state) ? active : null;
    },
    attachScreen: (role) => (role === 'display' ? board.attachCustomerDisplay() : () => undefined),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: async () => {
      engine.stop();
      listeners.clear();
      await devices.close();
      await webhooks?.close();
      await setup.close();
      // Last: nothing writes to the journal once the engine is stopped.
      journal?.close();
    },
  };
}
