import type { CustomerWindowNote } from '../devices/device-status';
import type { EventName, EventPayloads, TerminalInfo } from '../../../app/ipc/contract';
import { settingsSchemas, type SettingsProblem } from '../../../app/ipc/settings-schemas';
import { createMemoryStore, type PaymentStore } from '../../../app/engine/payment-store';
import type { MethodId } from '../../../app/payment/method';
import type { Settings } from '../../../app/settings/settings';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import type { VirtualPrinter } from '../../simulators/printer/virtual-printer';
import type { PoleLinkOpener } from '../../devices/pole-display/serial-link';
import type { Clock } from '../../../app/engine/clock';
import type { Logger } from '../logging/logger';
import type { CredentialStore } from '../settings/credential-store';
import { loadSettingsInForce } from '../settings/settings-in-force';
import { deviceSettingsPath, loadDeviceSettings } from '../settings/device-settings-file';
import { counterCommands } from '../commands/counter-commands';
import { settingsCommands, type MonitorPicker } from '../commands/settings-commands';
import { staffAtTheCounter } from '../staff/staff-commands';
import type { AuditWriter } from '../journal/audit-writer';
import { createDisplayPairing, type DisplayPairing } from '../pairing/display-pairing';
import type { PairingLimits } from '../pairing/pairing-requests';
import { virtualPrinterSlot } from '../demo/virtual-printer-slot';
import { createDispatcher } from './dispatcher';
import { startCounterSlot, type CounterSlot } from './counter-slot';
import { realClock, startCounter, type Emit } from './counter';
import type { EventListener, TerminalApi } from './terminal-api';
import { startPosApi, type PosApiOptions, type PosApiService, type PosEventSink, type PosRouteHandler, type PosTls } from '../pos-api/pos-api-service';
import type { PosLimits } from '../pos-api/pos-server';
import { posKeyCommands } from '../pos-api/pos-key-commands';
import { posTlsCommands } from '../pos-api/pos-tls-commands';

export type { MonitorPicker } from '../commands/settings-commands';

export interface TerminalServiceOptions {
  readonly settings: Settings;
  readonly log: Logger;
  /** Where the journal, the saved settings, the staff list and the keys live; in memory without it. */
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
  /** Where provider keys set on the settings screen are kept; a 0600 file in dataDir unless the shell gives its keychain. */
  readonly credentials?: CredentialStore;
  /** The environment the settings were read with: the fields it sets are shown locked on the settings screen. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Electron only: the monitors for the customer display. */
  readonly monitors?: MonitorPicker;
  /** Bounds on pairing requests, for tests; the defaults otherwise (electron/service/pairing/pairing-requests.ts). */
  readonly pairingLimits?: Partial<PairingLimits>;
  /** The POS API's plug-ins (the events log and its route, the LAN certificate) and, for tests, its limits. */
  readonly posApi?: {
    readonly sink?: PosEventSink;
    readonly extraRoutes?: ReadonlyMap<string, PosRouteHandler>;
    readonly tls?: PosTls;
    readonly limits?: Partial<PosLimits>;
  };
}

/** The terminal: what Electron's main process and the headless host run, behind IPC or the WebSocket. */
export interface TerminalService extends TerminalApi {
  readonly info: TerminalInfo;
  /** The journal file in use, or null when payments are kept in memory. */
  readonly journalPath: string | null;
  /** The built-in simulators, in demo mode; empty when the terminal is live. */
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  /** The virtual receipt printer, in demo mode without a real printer; null otherwise. */
  readonly virtualPrinter: VirtualPrinter | null;
  /** The settings in force: the file's, then the screen's, then the environment's. */
  readonly settings: Settings;
  /** Paired customer displays and the kiosk cashier link, for the web host to check tokens against. */
  readonly pairing: DisplayPairing;
  /** Electron only: what the shell knows of its customer window, for the device bar to say (kept across counter restarts). */
  noteCustomerWindow(note: CustomerWindowNote): void;
  /** The POS integration API: its keys and its listener (settings posApi). */
  readonly posApi: PosApiService;
}

const isSettingsCommand = (command: unknown): boolean => typeof command === 'string' && Object.hasOwn(settingsSchemas, command);

/**
 * One dispatcher and one event bus for the life of the terminal. The counter (providers, journal,
 * engine, devices) is started from the settings in force and started again when they are saved;
 * commands wait while it is being replaced, then reach the new one. Staff and settings outlive it.
 */
export async function createTerminalService(options: TerminalServiceOptions): Promise<TerminalService> {
  const { log } = options;
  const clock = options.clock ?? realClock;
  const state = await loadSettingsInForce({ ...options, file: options.settings });
  // Without a journal, payments live in memory: one store for every counter, so a restart loses none.
  const store = options.store ?? (options.dataDir === undefined ? createMemoryStore() : undefined);
  const devicesFile = options.dataDir === undefined ? null : deviceSettingsPath(options.dataDir);
  const printers = virtualPrinterSlot();
  const bus = createEventBus();
  /** Commands wait while the counter is being replaced, then go to the new one. */
  let ready: Promise<void> = Promise.resolve();

  // Who is at the counter: kept beside the journal, and outliving every restart of the counter.
  const staff = staffAtTheCounter({
    dataDir: options.dataDir ?? null,
    clock,
    shop: { currency: () => state.settings.currency, locale: () => state.settings.locale },
    // Who changed the staff list goes in the journal, which the counter in force holds.
    audit: (entry) => slot.current().audit(entry),
  });
  if (staff.problem !== null) {
    log.log('error', 'staff list unreadable', { error: staff.problem.message });
    state.problems.push(staff.problem);
  }
  // Paired displays outlive the counter too: a settings save must not unpair the tablet.
  // Who paired or unpaired a display goes in the journal the counter in force holds, as for the staff list.
  const pairing = pairedDisplays(options, clock, state.problems, (entry) => slot.current().audit(entry));
  const settings = settingsCommands({
    state,
    log,
    now: clock.now,
    dataDir: options.dataDir ?? null,
    ...(options.monitors === undefined ? {} : { monitors: options.monitors }),
    counter: () => slot.current(),
    restart: (next, fallback) => restartFollowedByPos(slot, pos, next, fallback),
    holdCommands: () => {
      let release: () => void = () => undefined;
      ready = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
  });
  const slot = await startCounterSlot(
    {
      start: (next, emit) => startCounter({ ...options, settings: withSavedDevices(next, devicesFile, log), clock, ...(store === undefined ? {} : { store }), demoPrinter: printers.start, emit }),
      emit: bus.emit,
      commands: (counter) => ({ ...counterCommands(counter, { emit: bus.emit, devicesFile, now: clock.now }), ...settings.commands, ...staff.commands, ...pairing.commands, ...posKeyCommands(() => pos, (entry) => slot.current().audit(entry)), ...posTlsCommands(() => pos, (entry) => slot.current().audit(entry)) }),
    },
    state.settings,
  );
  const pos: PosApiService = await posApiBeside(options, { counter: () => slot.current(), settings: () => state.settings, problems: state.problems, subscribe: bus.subscribe, now: clock.now, clock, announceOffer: (offer) => bus.emit('posOffer', { offer }) });
  const dispatch = createDispatcher(slot.handlers, log, staff.authorize);

  return {
    get info() {
      return slot.current().info;
    },
    get journalPath() {
      return slot.current().journal?.path ?? null;
    },
    get simulators() {
      return slot.current().simulators;
    },
    get virtualPrinter() {
      return printers.current();
    },
    get settings() {
      return state.settings;
    },
    pairing,
    posApi: pos,
    dispatch: async (command, args, role, screen) => {
      // A save waits for nothing but itself; everything else waits for a restart to finish.
      if (!isSettingsCommand(command)) await ready;
      return dispatch(command, args, role, screen);
    },
    subscribe: bus.subscribe,
    attachScreen: slot.attach,
    noteCustomerWindow: slot.noteCustomerWindow,
    close: async () => {
      await settings.idle();
      await ready;
      await pos.close();
      bus.clear();
      await slot.close();
    },
  };
}

/** Device choices saved from the screen win over the config file's, so they survive a restart. */
function withSavedDevices(next: Settings, devicesFile: string | null, log: Logger): Settings {
  const saved = devicesFile === null ? ({ ok: true, value: {} } as const) : loadDeviceSettings(devicesFile);
  if (!saved.ok) log.log('error', 'saved device settings ignored', { error: saved.error });
  return saved.ok ? { ...next, ...saved.value } : next;
}

/** The POS API outlives the counter, like the staff list; a listener that cannot start is reported with the settings' problems. */
async function posApiBeside(
  options: TerminalServiceOptions,
  terminal: Pick<PosApiOptions, 'counter' | 'settings' | 'subscribe' | 'now' | 'clock' | 'announceOffer'> & { readonly problems: SettingsProblem[] },
): Promise<PosApiService> {
  const { problems, ...rest } = terminal;
  const pos = await startPosApi({
    dataDir: options.dataDir ?? null,
    ...(options.sqliteBinding === undefined ? {} : { sqliteBinding: options.sqliteBinding }),
    log: options.log,
    ...(options.env === undefined ? {} : { env: options.env }),
    ...rest,
    ...options.posApi,
  });
  const said = pos.problemSaid();
  if (pos.problem !== null) problems.push({ message: pos.problem, ...(said === null ? {} : { said }) });
  return pos;
}

/** The POS API follows the settings that end up in force: the new ones, or the fallback when those fail. */
async function restartFollowedByPos(slot: CounterSlot, pos: PosApiService, next: Settings, fallback: Settings): Promise<void> {
  try {
    await slot.restart(next, fallback);
  } catch (error) {
    await pos.apply(fallback.posApi);
    throw error;
  }
  await pos.apply(next.posApi);
}

/** The paired displays kept in the data folder; a damaged file is reported with the settings' problems. */
function pairedDisplays(options: TerminalServiceOptions, clock: Clock, problems: SettingsProblem[], audit: AuditWriter): DisplayPairing {
  const pairing = createDisplayPairing({
    dataDir: options.dataDir ?? null,
    now: clock.now,
    log: options.log,
    audit,
    ...(options.pairingLimits === undefined ? {} : { limits: options.pairingLimits }),
  });
  if (pairing.problem !== null) {
    options.log.log('error', 'paired displays unreadable', { error: pairing.problem.message });
    problems.push(pairing.problem);
  }
  return pairing;
}

/** The terminal's one event bus: every screen's transport subscribes here. */
function createEventBus(): { readonly emit: Emit; readonly subscribe: (listener: EventListener) => () => void; readonly clear: () => void } {
  const listeners = new Set<EventListener>();
  return {
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear: () => listeners.clear(),
  };
}
