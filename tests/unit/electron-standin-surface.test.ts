import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { APP_SURFACE, COMMAND_LINE_SURFACE, StandinApp } from '../support/electron-standin/app';
import { BROWSER_WINDOW_SURFACE, StandinBrowserWindow } from '../support/electron-standin/browser-window';
import { IPC_MAIN_SURFACE, StandinIpcMain } from '../support/electron-standin/ipc-main';
import { CRASH_REPORTER_SURFACE, DIALOG_SURFACE, MODULE_SURFACE } from '../support/electron-standin/runtime';
import { createSafeStorage, newKeyring, SAFE_STORAGE_SURFACE } from '../support/electron-standin/safe-storage';
import { createScreen, SCREEN_SURFACE, StandinScreen } from '../support/electron-standin/screen';
import { createSession, PROTOCOL_SURFACE, SESSION_SURFACE, WEB_REQUEST_SURFACE } from '../support/electron-standin/session';
import { StandinWebContents, WEB_CONTENTS_SURFACE } from '../support/electron-standin/web-contents';

/**
 * The stand-in accepts only calls Electron has. The compiler checks each surface list against
 * electron.d.ts (`Pick<App, ...>` and the like fail on a name Electron lacks); this test checks the
 * other two links: every member the stand-in's objects really have is on its list, and every name on
 * a list is declared by that Electron class or interface in node_modules/electron/electron.d.ts.
 */

const declarations = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8');

/** The members Electron declares for `name` (a class or interface of the Electron namespace), with what it extends there. */
function declaredMembers(name: string): { members: Set<string>; extendsName: string | null } {
  const head = new RegExp(`^  (?:interface|class) ${name}(?: extends ([\\w.]+))? \\{$`, 'm').exec(declarations);
  if (head === null) throw new Error(`electron.d.ts declares no ${name}`);
  const start = head.index + head[0].length;
  const end = declarations.indexOf('\n  }\n', start);
  const members = new Set<string>();
  for (const match of declarations.slice(start, end).matchAll(/^ {4}(?:static |readonly )*([A-Za-z_]\w*)\??[(:<]/gm)) members.add(match[1]!);
  return { members, extendsName: head[1] ?? null };
}

/** Members of `name` and of what it extends within Electron; also whether the chain ends in Node's EventEmitter. */
function electronMembers(name: string): { members: Set<string>; emitter: boolean } {
  const all = new Set<string>();
  let current: string | null = name;
  let emitter = false;
  while (current !== null) {
    const { members, extendsName } = declaredMembers(current);
    for (const member of members) all.add(member);
    emitter = extendsName === 'NodeJS.EventEmitter' || extendsName === 'NodeEventEmitter';
    current = extendsName === null || extendsName.includes('.') || extendsName === 'NodeEventEmitter' ? null : extendsName;
  }
  return { members: all, emitter };
}

const prototypeMembers = (type: { prototype: object }): string[] => Object.getOwnPropertyNames(type.prototype).filter((n) => n !== 'constructor');

const SURFACES: readonly { electron: string; list: readonly string[]; emitter: boolean }[] = [
  { electron: 'App', list: APP_SURFACE, emitter: true },
  { electron: 'CommandLine', list: COMMAND_LINE_SURFACE, emitter: false },
  { electron: 'BrowserWindow', list: BROWSER_WINDOW_SURFACE, emitter: true },
  { electron: 'WebContents', list: WEB_CONTENTS_SURFACE, emitter: true },
  { electron: 'IpcMain', list: IPC_MAIN_SURFACE, emitter: true },
  { electron: 'Screen', list: SCREEN_SURFACE, emitter: true },
  { electron: 'SafeStorage', list: SAFE_STORAGE_SURFACE, emitter: false },
  { electron: 'Protocol', list: PROTOCOL_SURFACE, emitter: false },
  { electron: 'Session', list: SESSION_SURFACE, emitter: true },
  { electron: 'WebRequest', list: WEB_REQUEST_SURFACE, emitter: false },
  { electron: 'Dialog', list: DIALOG_SURFACE, emitter: false },
  { electron: 'CrashReporter', list: CRASH_REPORTER_SURFACE, emitter: false },
];

describe("the electron stand-in's surface", () => {
  it.each(SURFACES)('names only members Electron declares for $electron', ({ electron, list, emitter }) => {
    const declared = electronMembers(electron);
    expect(list.filter((member) => !declared.members.has(member))).toEqual([]);
    // The stand-in's on/once/removeListener come from Node's EventEmitter, as Electron's do.
    expect(declared.emitter).toBe(emitter);
  });

  it('provides only exports of the electron module', () => {
    const exported = new Set([...declarations.matchAll(/^ {2}const (\w+): /gm), ...declarations.matchAll(/^ {4}class (\w+) extends Electron\.\w+ \{\}$/gm)].map((m) => m[1]!));
    expect(MODULE_SURFACE.filter((name) => !exported.has(name))).toEqual([]);
  });

  it.each([
    { type: StandinApp, list: APP_SURFACE },
    { type: StandinBrowserWindow, list: BROWSER_WINDOW_SURFACE },
    { type: StandinWebContents, list: WEB_CONTENTS_SURFACE },
    { type: StandinIpcMain, list: IPC_MAIN_SURFACE },
    { type: StandinScreen, list: SCREEN_SURFACE },
  ])('has no method on $type.name beyond its list', ({ type, list }) => {
    expect(prototypeMembers(type).filter((member) => !(list as readonly string[]).includes(member))).toEqual([]);
  });

  it('has no member on its plain objects beyond their lists', () => {
    const safeStorage = createSafeStorage('keyring', newKeyring(), () => true);
    expect(Object.keys(safeStorage).filter((k) => !(SAFE_STORAGE_SURFACE as readonly string[]).includes(k))).toEqual([]);
    const { protocol, session } = createSession(() => false);
    expect(Object.keys(protocol).filter((k) => !(PROTOCOL_SURFACE as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(session).filter((k) => !(SESSION_SURFACE as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(session.webRequest).filter((k) => !(WEB_REQUEST_SURFACE as readonly string[]).includes(k))).toEqual([]);
    const { screen } = createScreen([{ id: 1, bounds: { x: 0, y: 0, width: 800, height: 600 } }]);
    expect(Object.keys(screen).filter((k) => !k.startsWith('_'))).toEqual([]);
  });
});

describe("the stand-in's safeStorage, as Chromium's OSCrypt on Linux", () => {
  it('obfuscates with the fixed basic_text password, which anyone can undo', async () => {
    const storage = createSafeStorage('basic_text', newKeyring(), () => true);
    expect(storage.getSelectedStorageBackend()).toBe('basic_text');
    const bytes = await storage.encryptStringAsync('skey_test_123');
    expect(bytes.subarray(0, 3).toString()).toBe('v10');
    // A different keyring changes nothing: basic_text does not use one.
    expect((await createSafeStorage('basic_text', newKeyring(), () => true).decryptStringAsync(bytes)).result).toBe('skey_test_123');
  });

  it('encrypts under the keyring, so another keyring cannot read it', async () => {
    const keyring = newKeyring();
    const bytes = await createSafeStorage('keyring', keyring, () => true).encryptStringAsync('skey_test_123');
    expect(bytes.subarray(0, 3).toString()).toBe('v11');
    expect(bytes.toString('latin1')).not.toContain('skey_test_123');
    expect((await createSafeStorage('keyring', keyring, () => true).decryptStringAsync(bytes)).result).toBe('skey_test_123');
    await expect(createSafeStorage('keyring', newKeyring(), () => true).decryptStringAsync(bytes)).rejects.toThrow(/decrypting/);
  });

  it('offers nothing before ready, and nothing at all without encryption', async () => {
    let ready = false;
    const storage = createSafeStorage('keyring', newKeyring(), () => ready);
    expect(storage.isEncryptionAvailable()).toBe(false);
    expect(storage.getSelectedStorageBackend()).toBe('unknown');
    ready = true;
    expect(await storage.isAsyncEncryptionAvailable()).toBe(true);
    const none = createSafeStorage('none', newKeyring(), () => true);
    expect(await none.isAsyncEncryptionAvailable()).toBe(false);
    expect(() => none.encryptString('x')).toThrow('Encryption is not available');
  });
});
