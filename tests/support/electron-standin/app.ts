import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App, CommandLine, Settings } from 'electron';

export const APP_SURFACE = [
  'isPackaged',
  'commandLine',
  'whenReady',
  'isReady',
  'getPath',
  'setPath',
  'getVersion',
  'getName',
  'enableSandbox',
  'requestSingleInstanceLock',
  'hasSingleInstanceLock',
  'releaseSingleInstanceLock',
  'setLoginItemSettings',
  'quit',
  'exit',
] as const;

export const COMMAND_LINE_SURFACE = ['getSwitchValue', 'hasSwitch'] as const;

type Surface = Pick<App, Exclude<(typeof APP_SURFACE)[number], 'commandLine'>>;

export interface AppOptions {
  readonly userData: string;
  readonly name: string;
  readonly version: string;
  readonly packaged: boolean;
  /** Command-line switches, as `--name=value` would give them. */
  readonly switches: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
}

/** What the app did that a test looks at. */
export interface AppState {
  ready: boolean;
  sandboxEnabled: boolean;
  quitting: boolean;
  exitCode: number | null;
  readonly loginItems: Settings[];
  readonly paths: Map<string, string>;
  readonly whenReady: Promise<void>;
  readonly markReady: () => void;
  readonly exited: Promise<number>;
  /** Closes every window as quitting does; false when one of them prevented it. */
  closeWindows: () => boolean;
  /** Ends the run: windows destroyed, lock let go, `exited` resolved. */
  finish: (exitCode: number) => void;
}

/** The single-instance locks of this test process, by user-data folder (Electron keeps one per profile). */
const instanceLocks = new Map<string, StandinApp>();
const states = new WeakMap<StandinApp, AppState>();
const optionsOf = new WeakMap<StandinApp, AppOptions>();

const preventable = () => {
  let prevented = false;
  return {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
};

export const appState = (app: StandinApp): AppState => states.get(app)!;

/** Electron's `app`: its lifecycle (ready, quit with its events, exit), paths and the single-instance lock. */
export class StandinApp extends EventEmitter implements Surface {
  readonly isPackaged: boolean;
  readonly commandLine: Pick<CommandLine, (typeof COMMAND_LINE_SURFACE)[number]>;

  constructor(options: AppOptions, state: AppState) {
    super();
    this.isPackaged = options.packaged;
    this.commandLine = {
      getSwitchValue: (name) => options.switches[name] ?? '',
      hasSwitch: (name) => name in options.switches,
    };
    states.set(this, state);
    optionsOf.set(this, options);
    state.paths.set('userData', options.userData);
    state.paths.set('temp', tmpdir());
  }

  whenReady(): Promise<void> {
    return appState(this).whenReady;
  }

  isReady(): boolean {
    return appState(this).ready;
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    const paths = appState(this).paths;
    const known = paths.get(name) ?? (name === 'crashDumps' ? path.join(paths.get('userData')!, 'Crashpad') : undefined);
    if (known === undefined) throw new Error(`Failed to get '${name}' path`);
    return known;
  }

  setPath(name: string, value: string): void {
    if (!path.isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
    appState(this).paths.set(name, value);
  }

  getVersion(): string {
    return optionsOf.get(this)!.version;
  }

  getName(): string {
    return optionsOf.get(this)!.name;
  }

  /** Documented as before 'ready' only; recorded so a test can see the sandbox was asked for everywhere. */
  enableSandbox(): void {
    const state = appState(this);
    if (state.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    state.sandboxEnabled = true;
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const key = appState(this).paths.get('userData')!;
    const holder = instanceLocks.get(key);
    if (holder === this) return true;
    if (holder !== undefined) {
      const { argv } = optionsOf.get(this)!;
      // The first instance hears of the second, as Electron tells it over its own channel.
      setImmediate(() => holder.emit('second-instance', preventable(), [...argv], process.cwd(), additionalData ?? {}));
      return false;
    }
    instanceLocks.set(key, this);
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return instanceLocks.get(appState(this).paths.get('userData')!) === this;
  }

  releaseSingleInstanceLock(): void {
    const key = appState(this).paths.get('userData')!;
    if (instanceLocks.get(key) === this) instanceLocks.delete(key);
  }

  setLoginItemSettings(settings: Settings): void {
    appState(this).loginItems.push({ ...settings });
  }

  /** before-quit (preventable), every window closed (each may prevent it), will-quit (preventable), quit, then the end. */
  quit(): void {
    const state = appState(this);
    if (state.exitCode !== null) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    state.quitting = true;
    if (!state.closeWindows()) {
      state.quitting = false;
      return;
    }
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      state.quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
    state.finish(0);
  }

  /** At once: no before-quit or will-quit, every window destroyed. The test process itself goes on. */
  exit(exitCode = 0): void {
    const state = appState(this);
    if (state.exitCode !== null) return;
    state.finish(exitCode);
  }
}
