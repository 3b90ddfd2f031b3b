import type { ApiError, ApiResult, CommandArgs, EventName, EventPayloads, TerminalInfo } from '../../app/ipc/contract';
import { settingsSchemas, type MonitorChoice, type SettingsView } from '../../app/ipc/settings-schemas';
import { createMemoryStore } from '../../app/engine/payment-store';
import type { MethodId } from '../../app/payment/method';
import { formatMoney } from '../../app/money/money';
import type { Settings } from '../../app/settings/settings';
import type { SimulatedProvider } from '../simulators/simulated-provider';
import type { VirtualPrinter } from '../simulators/printer/virtual-printer';
import { testConnection } from './connection-test';
import { memoryCredentialStore, NO_CREDENTIALS, plainFileCredentialStore, type CredentialStore, type ProviderCredentials } from './credential-store';
import type { CommandHandlers } from './dispatcher';
import { composeSettings, formOf, loadScreenSettings, lockedByEnv, nextSavedSections, saveScreenSettings, screenFieldProblems, screenSettingsPath, type SavedSections } from './settings-store';
import type { ClientRole, CommandContext, EventListener, TerminalApi } from './terminal-api';
import { settingsAudit } from './settings-audit';
import { lockedFieldProblems } from './settings-locks';
import { startTerminalCore, type ServiceCommand, type TerminalCore, type TerminalCoreOptions } from './terminal-core';
import { staffAtTheCounter } from './staff/staff-commands';

/** The monitors the Electron shell can put the customer display on. */
export interface MonitorPicker {
  list(): readonly MonitorChoice[];
  /** Moves the customer display to this monitor (null: the first non-primary one). */
  use(displayId: number | null): void;
}

export interface TerminalServiceOptions extends Omit<TerminalCoreOptions, 'serviceCommands' | 'authorize'> {
  /** Where provider keys set on the settings screen are kept; a 0600 file in dataDir unless the shell gives its keychain. */
  readonly credentials?: CredentialStore;
  /** The environment the settings were read with: the fields it sets are shown locked on the settings screen. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Electron only: the monitors for the customer display. */
  readonly monitors?: MonitorPicker;
}

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
}

const refused = (message: string, fields?: Record<string, string>): { ok: false; error: ApiError } => ({
  ok: false,
  error: fields === undefined ? { code: 'invalid_state', message } : { code: 'invalid_args', message, fields },
});

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The terminal as Electron's main process and the headless host run it: the core (engine, journal,
 * providers, devices) plus the settings screen. Saved settings are applied by restarting the core
 * with them, the one path every setting already takes at start, so nothing is applied half. A sale in
 * progress is never interrupted: saving is refused until it ends. The journal keeps everything else.
 */
export async function createTerminalService(options: TerminalServiceOptions): Promise<TerminalService> {
  const { log } = options;
  const env = options.env ?? {};
  const locked = lockedByEnv(env);
  const savedIn = options.dataDir === undefined ? null : screenSettingsPath(options.dataDir);
  const credentials = options.credentials ?? (options.dataDir === undefined ? memoryCredentialStore() : plainFileCredentialStore(options.dataDir));
  // Without a journal, payments live in memory: one store for every core, so a restart loses none.
  const store = options.store ?? (options.dataDir === undefined ? createMemoryStore() : undefined);

  const problems: string[] = [];
  let saved: SavedSections = {};
  if (savedIn !== null) {
    const loaded = loadScreenSettings(savedIn);
    if (loaded.ok) saved = loaded.value;
    else {
      log.log('error', 'screen settings ignored', { error: loaded.error });
      problems.push(loaded.error);
    }
  }
  let keys: ProviderCredentials = NO_CREDENTIALS;
  const loadedKeys = await credentials.load();
  if (loadedKeys.ok) keys = loadedKeys.value;
  else {
    log.log('error', 'stored provider keys ignored', { error: loadedKeys.error });
    problems.push(loadedKeys.error);
  }
  for (const key of [keys.opnSecretKey, keys.orangepillApiKey]) if (key !== null) log.redact(key);

  let settings: Settings;
  const composed = composeSettings(options.settings, saved, keys, env);
  if (composed.ok) settings = composed.value;
  else {
    const problem = `The settings saved on this terminal do not fit the settings file (${Object.entries(screenFieldProblems(composed.error))
      .map(([path, message]) => `${path} ${message}`)
      .join('; ')}); the file's settings are in force until they are saved again`;
    log.log('error', 'screen settings ignored', { error: problem });
    problems.push(problem);
    saved = {};
    keys = NO_CREDENTIALS;
    settings = options.settings;
  }

  const listeners = new Set<EventListener>();
  const forward: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => forward(event, payload);
  const screens = new Map<number, { readonly role: ClientRole; detach: () => void }>();
  let nextScreen = 0;

  const keyState = (path: string, stored: string | null, inForce: string | null): SettingsView['keys']['opn'] => {
    if (locked[path] !== undefined) return { set: true, source: 'environment' };
    if (stored !== null) return { set: true, source: 'this terminal' };
    return inForce === null ? { set: false, source: null } : { set: true, source: 'settings file' };
  };
  const view = (): SettingsView => ({
    values: formOf(settings),
    keys: {
      opn: keyState('credentials.opnSecretKey', keys.opnSecretKey, settings.providers.opn.secretKey),
      orangepill: keyState('credentials.orangepillApiKey', keys.orangepillApiKey, settings.providers.orangepill.apiKey),
    },
    locked,
    keyStorage: { description: credentials.protection.description, needsConsent: credentials.protection.needsConsent },
    savedIn,
    monitors: options.monitors?.list() ?? null,
    problem: problems.length === 0 ? null : problems.join(' '),
  });

  let saving: Promise<unknown> = Promise.resolve();
  const saveSettings = (args: CommandArgs<'saveSettings'>, context: CommandContext): Promise<ApiResult<SettingsView>> => {
    const run = saving.then(() => save(args, context));
    saving = run.catch(() => undefined);
    return run;
  };

  // Who is at the counter: kept beside the journal, and outliving every restart of the core.
  const staff = staffAtTheCounter({
    dataDir: options.dataDir ?? null,
    clock: options.clock ?? { now: Date.now },
    shop: { currency: () => settings.currency, locale: () => settings.locale },
    // Who changed the staff list goes in the journal, which the core in force holds.
    audit: (entry) => core.audit(entry),
  });
  if (staff.problem !== null) {
    log.log('error', 'staff list unreadable', { error: staff.problem });
    problems.push(staff.problem);
  }

  const serviceCommands: Pick<CommandHandlers, ServiceCommand> = {
    getSettings: () => Promise.resolve({ ok: true, value: view() }),
    saveSettings,
    testConnection: async (args) => ({ ok: true, value: await testConnection(args, settings, log, options.clock?.now ?? Date.now, locked) }),
    ...staff.commands,
  };

  const start = (next: Settings): Promise<TerminalCore> =>
    startTerminalCore({ ...options, settings: next, ...(store === undefined ? {} : { store }), serviceCommands, authorize: staff.authorize });

  let core = await start(settings);
  let unsubscribe = core.subscribe(forward);
  /** Commands wait while the core is being replaced, then go to the new one. */
  let ready: Promise<void> = Promise.resolve();

  /**
   * Stops the core and starts one with `next`; if that cannot start, one with `fallback` instead, and
   * the error is thrown for the caller to report. Either way a core is running afterwards.
   */
  async function replaceCore(next: Settings, fallback: Settings): Promise<void> {
    for (const screen of screens.values()) screen.detach();
    unsubscribe();
    await core.close();
    let failure: Error | null = null;
    try {
      core = await start(next);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      core = await start(fallback);
    }
    unsubscribe = core.subscribe(forward);
    for (const screen of screens.values()) screen.detach = core.attachScreen(screen.role);
    // Every screen learns the new terminal (methods, merchant, languages) without reloading.
    const now = core.snapshot();
    emit('terminal', now.terminal);
    if (now.devices !== null) emit('devices', now.devices);
    emit('payment', { payment: now.payment, serverTime: now.serverTime });
    if (failure !== null) throw failure;
  }

  async function save(args: CommandArgs<'saveSettings'>, context: CommandContext): Promise<ApiResult<SettingsView>> {
    const busy = core.saleInProgress();
    if (busy !== null) {
      return refused(
        `A sale of ${formatMoney(busy.amount, settings.locale)} is in progress: finish or cancel it before changing settings (nothing was saved)`,
      );
    }
    const fields: Record<string, string> = lockedFieldProblems(args, settings, locked);
    const nextKeys: ProviderCredentials = {
      opnSecretKey: args.credentials?.opnSecretKey === undefined ? keys.opnSecretKey : args.credentials.opnSecretKey,
      orangepillApiKey: args.credentials?.orangepillApiKey === undefined ? keys.orangepillApiKey : args.credentials.orangepillApiKey,
    };
    const keysChanged = nextKeys.opnSecretKey !== keys.opnSecretKey || nextKeys.orangepillApiKey !== keys.orangepillApiKey;
    const storesKey = [args.credentials?.opnSecretKey, args.credentials?.orangepillApiKey].some((k) => typeof k === 'string');
    if (storesKey && credentials.protection.needsConsent && args.keyStorageConsent !== true) {
      fields['keyStorageConsent'] = `must be ticked to keep a key here: ${credentials.protection.description}`;
    }
    const nextSaved = nextSavedSections(saved, args, formOf(options.settings));
    const next = composeSettings(options.settings, nextSaved, nextKeys, env);
    if (!next.ok) Object.assign(fields, screenFieldProblems(next.error));
    if (Object.keys(fields).length > 0 || !next.ok) {
      const list = Object.entries(fields).map(([path, message]) => `${path} ${message}`);
      return refused(`The settings were not saved: ${list.join('; ')}`, fields);
    }

    // Saved first, so what the screen reports in force is what the next start uses too.
    const previous = { saved, keys, settings };
    if (savedIn !== null) {
      const written = saveScreenSettings(savedIn, nextSaved);
      if (!written.ok) return refused(written.error);
    }
    if (keysChanged) {
      for (const key of [nextKeys.opnSecretKey, nextKeys.orangepillApiKey]) if (key !== null) log.redact(key);
      const stored = await credentials.save(nextKeys);
      if (!stored.ok) {
        if (savedIn !== null) saveScreenSettings(savedIn, previous.saved);
        return refused(stored.error);
      }
    }
    saved = nextSaved;
    keys = nextKeys;
    settings = next.value;
    problems.length = 0;

    let restarted: () => void = () => undefined;
    ready = new Promise<void>((resolve) => (restarted = resolve));
    try {
      await replaceCore(settings, previous.settings);
      log.log('info', 'settings saved and applied', { demo: core.info.demo, methods: core.info.methods.map((m) => m.id) });
      core.audit(settingsAudit(previous, { settings, keys }, context));
    } catch (error) {
      log.log('error', 'terminal did not start with the new settings; the previous ones are back', { error: describe(error) });
      saved = previous.saved;
      keys = previous.keys;
      settings = previous.settings;
      if (savedIn !== null) saveScreenSettings(savedIn, saved);
      if (keysChanged) await credentials.save(keys);
      return refused(`The terminal could not start with the new settings (${describe(error)}); the previous settings are back in force`);
    } finally {
      restarted();
    }
    if (previous.settings.customerDisplay.displayId !== settings.customerDisplay.displayId) options.monitors?.use(settings.customerDisplay.displayId);
    return { ok: true, value: view() };
  }

  const isSettingsCommand = (command: unknown): boolean => typeof command === 'string' && Object.hasOwn(settingsSchemas, command);

  return {
    get info() {
      return core.info;
    },
    get journalPath() {
      return core.journalPath;
    },
    get simulators() {
      return core.simulators;
    },
    get virtualPrinter() {
      return core.virtualPrinter;
    },
    get settings() {
      return settings;
    },
    dispatch: async (command, args, role, screen) => {
      // A save waits for nothing but itself; everything else waits for a restart to finish.
      if (!isSettingsCommand(command)) await ready;
      return core.dispatch(command, args, role, screen);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    attachScreen: (role) => {
      const id = nextScreen++;
      screens.set(id, { role, detach: core.attachScreen(role) });
      return () => {
        screens.get(id)?.detach();
        screens.delete(id);
      };
    },
    close: async () => {
      await saving;
      await ready;
      listeners.clear();
      unsubscribe();
      await core.close();
    },
  };
}
