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
    'electron/main/credential-vault.ts',
    'electron/main/login-item.ts',
    'electron/main/crash-log.ts',
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

  it('finds pages and preload where the bundle puts them', () => {
    const main = read('electron/main.ts');
    expect(main).toContain("path.join(__dirname, 'preload.cjs')");
    expect(main).toContain("path.join(__dirname, '../renderer/cashier/index.html')");
    expect(main).toContain("path.join(__dirname, '../renderer/display/index.html')");
  });
});
