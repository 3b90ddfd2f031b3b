import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file).split(path.sep).join('/'));
}

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** An import of 'electron' that survives compilation, i.e. anything but `import type`. */
const RUNTIME_ELECTRON_IMPORT = /^\s*import\s+(?!type\s)[^;]*from\s+['"]electron['"]/m;

describe('the Electron shell keeps its boundaries', () => {
  it('touches ipcMain in electron/main/ipc.ts only', () => {
    const users = sourcesUnder('electron').filter((file) => /\bipcMain\b/.test(read(file)));
    expect(users).toEqual(['electron/main/ipc.ts']);
  });

  it.each([
    'electron/main/web-preferences.ts',
    'electron/main/display-choice.ts',
    'electron/main/trusted-sender.ts',
    'electron/main/page-url.ts',
    'electron/main/page-protocol.ts',
    'electron/main/credential-vault.ts',
    'electron/main/login-item.ts',
    'electron/main/crash-log.ts',
    'electron/main/crash-restarts.ts',
  ])(
    'keeps %s pure: no runtime import of electron',
    (file) => {
      // In plain Node, requiring 'electron' tries to download the binary; the pure parts must never do it.
      expect(read(file)).not.toMatch(RUNTIME_ELECTRON_IMPORT);
    },
  );

  it('gives the service the keychain vault, applies start at login, and keeps crash reports local', () => {
    const main = read('electron/main.ts');
    expect(main).toContain('createCredentialVault({ safeStorage, userDataDir: userData, platform: process.platform })');
    expect(main).toContain('credentials: vault,');
    expect(main).toContain('applyLoginItem(openAtLogin, log)');
    expect(main).toContain('app.setLoginItemSettings(');
    expect(main).toContain("app.setPath('crashDumps', crashDumpsDir(app.getPath('userData')))");
    expect(main).toContain('crashReporter.start(crashReporterOptions(PRODUCT))');
    expect(main).toContain('installCrashLogging({ process, app, log, onFatal: () => quitWith(1) })');
  });

  it('loads each window from its app://terminal page, never from a file', () => {
    // Every window is opened by openPage.
    const opener = read('electron/main/page-window.ts');
    expect(opener).toContain('const url = pageUrl(role);');
    expect(opener).toContain('window.loadURL(url)');
    for (const file of ['electron/main/page-window.ts', 'electron/main/windows.ts', 'electron/main/customer-window.ts']) expect(read(file)).not.toContain('loadFile');
    for (const file of sourcesUnder('electron').filter((f) => f !== 'electron/main/page-window.ts')) expect(read(file), file).not.toMatch(/new BrowserWindow\(/);
  });

  it('finds the preload and the pages where the bundle puts them, and serves the pages over app://', () => {
    const main = read('electron/main.ts');
    expect(main).toContain("path.join(__dirname, 'preload.cjs')");
    expect(main, 'main.ts serves dist/renderer (see servePages in electron/main/page-protocol.ts)').toContain("path.join(__dirname, '../renderer')");
    expect(main, 'main.ts serves the pages on the windows\' session').toContain('servePages(session.defaultSession.protocol, RENDERER_DIR, log)');
    // Electron takes privileged schemes only before 'ready', so the call is at the top level, before whenReady.
    const register = main.indexOf('registerPageScheme(protocol);');
    expect(register, 'main.ts registers app: before ready (registerPageScheme in page-protocol.ts)').toBeGreaterThan(main.indexOf('app.enableSandbox();'));
    expect(register).toBeLessThan(main.indexOf('.whenReady()'));
    expect(main).not.toContain('loadFile');
    expect(main).not.toContain('index.html');
  });
});
