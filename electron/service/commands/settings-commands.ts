import type { ApiError, ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { MonitorChoice, SettingsView } from '../../../app/ipc/settings-schemas';
import { formatMoney } from '../../../app/money/money';
import type { Settings } from '../../../app/settings/settings';
import type { Logger } from '../logging/logger';
import type { ProviderCredentials } from '../settings/credential-store';
import { testConnection } from '../providers/connection-test';
import { settingsAudit } from '../settings/settings-audit';
import type { SettingsInForce } from '../settings/settings-in-force';
import { lockedFieldProblems, putProblem, type FieldProblems } from '../settings/settings-locks';
import { composeSettings, formOf, nextSavedSections, saveScreenSettings, screenFieldProblems, screenFieldSaids } from '../settings/settings-store';
import type { Counter } from '../terminal/counter';
import type { CommandHandlers } from '../terminal/dispatcher';
import type { CommandContext } from '../terminal/terminal-api';
import type { Said } from '../../../app/i18n/said';

export type SettingsCommand = 'getSettings' | 'saveSettings' | 'testConnection';

/** The monitors the Electron shell can put the customer display on. */
export interface MonitorPicker {
  list(): readonly MonitorChoice[];
  /** Moves the customer display to this monitor (null: the first non-primary one). */
  use(displayId: number | null): void;
}

export interface SettingsCommandDeps {
  readonly state: SettingsInForce;
  readonly log: Logger;
  readonly now: () => number;
  /** Electron only: the monitors for the customer display. */
  readonly monitors?: MonitorPicker;
  /** The counter in force: a save is refused while it has a sale in progress. */
  readonly counter: () => Counter;
  /** Starts the counter with `next`, or with `fallback` (and throws) if `next` cannot start. */
  readonly restart: (next: Settings, fallback: Settings) => Promise<void>;
  /** Makes every other command wait until the returned function is called. */
  readonly holdCommands: () => () => void;
  /** Where the connection test keeps what the Opn account offers, for the next start; none keeps nothing. */
  readonly dataDir?: string | null;
}

const refused = (message: string, said?: Said): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code: 'invalid_state', message, ...(said === undefined ? {} : { said }) },
});

/** A save refused at its fields: each problem in English and, where the service has it, as a `Said`. */
const refusedAt = ({ fields, saids }: FieldProblems): { ok: false; error: ApiError } => {
  const list = Object.entries(fields).map(([path, message]) => `${path} ${message}`);
  const fieldsSaid = Object.keys(saids).length === 0 ? {} : { fieldsSaid: saids };
  return { ok: false, error: { code: 'invalid_args', message: `The settings were not saved: ${list.join('; ')}`, fields, ...fieldsSaid } };
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The settings screen. Saved settings are applied by restarting the counter with them, the one path
 * every setting already takes at start, so nothing is applied half. A sale in progress is never
 * interrupted: saving is refused until it ends. Saves run one at a time.
 */
export function settingsCommands(deps: SettingsCommandDeps): { readonly commands: Pick<CommandHandlers, SettingsCommand>; idle(): Promise<unknown> } {
  const { state, log } = deps;
  let saving: Promise<unknown> = Promise.resolve();
  return {
    commands: {
      getSettings: () => Promise.resolve({ ok: true, value: settingsView(deps) }),
      saveSettings: (args, context) => {
        const run = saving.then(() => save(deps, args, context));
        saving = run.catch(() => undefined);
        return run;
      },
      testConnection: async (args) => ({ ok: true, value: await testConnection(args, state.settings, log, deps.now, state.locked, deps.dataDir ?? null) }),
    },
    /** Resolves once no save is under way. */
    idle: () => saving,
  };
}

function settingsView(deps: SettingsCommandDeps): SettingsView {
  const { state } = deps;
  const keyState = (path: string, stored: string | null, inForce: string | null): SettingsView['keys']['opn'] => {
    if (state.locked[path] !== undefined) return { set: true, source: 'environment' };
    if (stored !== null) return { set: true, source: 'this terminal' };
    return inForce === null ? { set: false, source: null } : { set: true, source: 'settings file' };
  };
  return {
    values: formOf(state.settings),
    keys: {
      opn: keyState('credentials.opnSecretKey', state.keys.opnSecretKey, state.settings.providers.opn.secretKey),
      orangepill: keyState('credentials.orangepillApiKey', state.keys.orangepillApiKey, state.settings.providers.orangepill.apiKey),
    },
    locked: state.locked,
    keyStorage: { description: state.credentials.protection.description, needsConsent: state.credentials.protection.needsConsent, said: state.credentials.protection.said },
    savedIn: state.savedIn,
    monitors: deps.monitors?.list() ?? null,
    problem: state.problems.length === 0 ? null : state.problems.map((p) => p.message).join(' '),
    problems: state.problems.map((p) => ({ ...p })),
  };
}

/** The keys after this save: a key typed replaces the stored one, an absent one keeps it. */
function nextKeys(keys: ProviderCredentials, args: CommandArgs<'saveSettings'>): ProviderCredentials {
  return {
    opnSecretKey: args.credentials?.opnSecretKey === undefined ? keys.opnSecretKey : args.credentials.opnSecretKey,
    orangepillApiKey: args.credentials?.orangepillApiKey === undefined ? keys.orangepillApiKey : args.credentials.orangepillApiKey,
  };
}

async function save(deps: SettingsCommandDeps, args: CommandArgs<'saveSettings'>, context: CommandContext): Promise<ApiResult<SettingsView>> {
  const { state, log } = deps;
  const busy = deps.counter().saleInProgress();
  if (busy !== null) {
    return refused(
      `A sale of ${formatMoney(busy.amount, state.settings.locale)} is in progress: finish or cancel it before changing settings (nothing was saved)`,
      { area: 'settings', kind: 'sale_in_progress', amount: busy.amount },
    );
  }
  const problems = lockedFieldProblems(args, state.settings, state.locked);
  const keys = nextKeys(state.keys, args);
  const keysChanged = keys.opnSecretKey !== state.keys.opnSecretKey || keys.orangepillApiKey !== state.keys.orangepillApiKey;
  const storesKey = [args.credentials?.opnSecretKey, args.credentials?.orangepillApiKey].some((k) => typeof k === 'string');
  const protection = state.credentials.protection;
  if (storesKey && protection.needsConsent && args.keyStorageConsent !== true) {
    putProblem(problems, 'keyStorageConsent', `must be ticked to keep a key here: ${protection.description}`, { area: 'settings', kind: 'field_consent', storage: protection.said });
  }
  const saved = nextSavedSections(state.saved, args, formOf(state.file));
  const next = composeSettings(state.file, saved, keys, state.env);
  if (!next.ok) {
    Object.assign(problems.fields, screenFieldProblems(next.error));
    Object.assign(problems.saids, screenFieldSaids(next.error));
  }
  if (Object.keys(problems.fields).length > 0 || !next.ok) return refusedAt(problems);

  // Saved first, so what the screen reports in force is what the next start uses too.
  const previous = { saved: state.saved, keys: state.keys, settings: state.settings };
  if (state.savedIn !== null) {
    const written = saveScreenSettings(state.savedIn, saved);
    if (!written.ok) return refused(written.error.message, written.error.said);
  }
  if (keysChanged) {
    for (const key of [keys.opnSecretKey, keys.orangepillApiKey]) if (key !== null) log.redact(key);
    const stored = await state.credentials.save(keys);
    if (!stored.ok) {
      if (state.savedIn !== null) saveScreenSettings(state.savedIn, previous.saved);
      return refused(stored.error);
    }
  }
  Object.assign(state, { saved, keys, settings: next.value });
  state.problems.length = 0;

  const release = deps.holdCommands();
  try {
    await deps.restart(state.settings, previous.settings);
    const counter = deps.counter();
    log.log('info', 'settings saved and applied', { demo: counter.info.demo, methods: counter.info.methods.map((m) => m.id) });
    counter.audit(settingsAudit(previous, { settings: state.settings, keys: state.keys }, context));
  } catch (error) {
    log.log('error', 'terminal did not start with the new settings; the previous ones are back', { error: describe(error) });
    Object.assign(state, previous);
    if (state.savedIn !== null) saveScreenSettings(state.savedIn, state.saved);
    if (keysChanged) await state.credentials.save(state.keys);
    const reason = describe(error);
    return refused(`The terminal could not start with the new settings (${reason}); the previous settings are back in force`, { area: 'settings', kind: 'restart_failed', reason });
  } finally {
    release();
  }
  if (previous.settings.customerDisplay.displayId !== state.settings.customerDisplay.displayId) deps.monitors?.use(state.settings.customerDisplay.displayId);
  return { ok: true, value: settingsView(deps) };
}
