import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';

/**
 * The packaged shell, driven for real: the cashier window, a keyed amount, a demo payment marked paid.
 * Under xvfb-run there is one monitor, so there is no customer window: the device bar says so and
 * the QR slip prints by itself (to the virtual printer, shown on the cashier screen).
 * Electron's binary is downloaded by its postinstall, which cannot happen offline; there the test is
 * skipped and says exactly why, and the same flow is covered in Chromium through the headless web mode.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

type BinaryCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

function findElectronBinary(): BinaryCheck {
  let packageFile: string;
  try {
    packageFile = createRequire(import.meta.url).resolve('electron/package.json');
  } catch {
    return { ok: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  }
  const dir = path.dirname(packageFile);
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason: `${path.relative(root, pathFile)} is missing, so the Electron binary was never downloaded (npm install ran offline or with ELECTRON_SKIP_BINARY_DOWNLOAD)`,
    };
  }
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(dir, 'dist');
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, reason: `path.txt names ${binary}, which does not exist` };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { ok: false, reason: 'no display server (neither DISPLAY nor WAYLAND_DISPLAY is set); run under xvfb-run' };
  }
  return { ok: true, path: binary };
}

const binary = findElectronBinary();
if (!binary.ok) console.warn(`Electron smoke test skipped: ${binary.reason}`);

let app: ElectronApplication | null = null;
let userData: string | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  if (userData !== null) rmSync(userData, { recursive: true, force: true });
  userData = null;
});

async function windowAt(electronApp: ElectronApplication, page: 'cashier' | 'display'): Promise<Page> {
  // The pages load from app://terminal/ (electron/main/page-protocol.ts), never from file://.
  const url = `app://terminal/${page}/index.html`;
  await expect.poll(() => electronApp.windows().some((w) => w.url() === url), { timeout: 30_000 }).toBe(true);
  const found = electronApp.windows().find((w) => w.url() === url);
  if (found === undefined) throw new Error(`no ${page} window`);
  return found;
}

const title = binary.ok ? 'Electron shell takes a demo payment from keypad to paid' : `Electron shell smoke test (skipped: ${binary.reason})`;

test.skipIf(!binary.ok)(title, async () => {
  expect(existsSync(path.join(root, 'dist/electron/main.cjs')), 'dist/electron/main.cjs is missing: run `npm run build` first').toBe(true);
  // The journal's SQLite must be built for Electron's ABI, as `npm start` does.
  const native = spawnSync(process.execPath, [path.join(root, 'build/electron-native.mjs')], { cwd: root, encoding: 'utf8' });
  expect(native.status, `building SQLite for Electron failed:\n${native.stdout}${native.stderr}`).toBe(0);
  // A fresh profile: default settings (demo mode), its own log, and its own single-instance lock.
  userData = mkdtempSync(path.join(tmpdir(), 'qr-terminal-e2e-'));
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  app = await _electron.launch({
    args: ['.', `--user-data-dir=${userData}`],
    cwd: root,
    env: { ...env, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });

  const cashier = await windowAt(app, 'cashier');

  await cashier.locator('[data-testid=demo-banner]').waitFor();
  const monitors = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
  const display = monitors > 1 ? await windowAt(app, 'display') : null;
  if (display === null) {
    expect(app.windows().map((w) => w.url())).toEqual(['app://terminal/cashier/index.html']);
    await expect.poll(() => cashier.locator('[data-testid="device-customer-display"]').innerText()).toContain('No customer display (one monitor)');
  }
  for (const key of ['1', '2', '3', '4', 'Enter']) await cashier.keyboard.press(key);

  await cashier.locator('[data-testid=payment-status][data-status=awaiting]').waitFor();
  if (display === null) await cashier.locator('[data-testid=print-outcome][data-outcome=printed]').waitFor();
  else await display.locator('[data-testid=qr]').waitFor();

  await cashier.locator('[data-testid=demo-paid]').click();
  await cashier.locator('[data-testid=payment-status][data-status=paid]').waitFor();
  await display?.locator('[data-testid=display-state][data-status=paid]').waitFor();
});
