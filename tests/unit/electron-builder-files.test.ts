import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedElectronVersion, listPackedApp, type PackListing } from '../support/electron-builder-pack';
import { appFilePaths, filesOf, formatListing } from '../support/packed-app';
import { REPO_ROOT } from '../support/paths';

/**
 * electron-builder.yml's `files`, run through electron-builder's own matching over a project laid out
 * like this one after every script has run (`npm run build`, `npm run bench`, `npm start`, the tests),
 * with files planted where a careless pattern would pick them up. Only what Electron loads may come
 * out. No build is needed: the end-to-end twin (tests/e2e/electron-builder-pack.test.ts) runs the same
 * listing over the real dist/.
 */

const FIXTURE = path.join(REPO_ROOT, 'tests/artifacts/packaging/fixture');

/** What the app runs: the two bundles, the pages and their assets, and package.json. */
const SHIPPED = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/cashier/index.html',
  'dist/renderer/display/index.html',
  'dist/renderer/assets/cashier-AbC123.js',
  'dist/renderer/assets/cashier-AbC123.css',
  'dist/renderer/assets/display-DeF456.js',
  'dist/renderer/assets/vendor-GhI789.js',
  'dist/renderer/assets/qr-logo.svg',
];

/** What the scripts and the tests leave in the project, none of which the app runs. */
const PLANTED = [
  // npm run bench: the benchmark runner, bundled with test code.
  'dist/bench/run.cjs',
  // npm start: better-sqlite3 built for an unpackaged Electron (electron-builder rebuilds node_modules instead).
  'dist/native/electron-45.4.1-linux-x64/better_sqlite3.node',
  // npm run build: the bundles' metafiles, the headless host, and the source maps.
  'dist/meta/main.json',
  'dist/meta/preload.json',
  'dist/web/serve.cjs',
  'dist/web/serve.cjs.map',
  'dist/electron/main.cjs.map',
  'dist/electron/preload.cjs.map',
  'dist/renderer/assets/cashier-AbC123.js.map',
  // Something else written into dist/electron/, and stray sources under dist/.
  'dist/electron/debug-dump.json',
  'dist/electron/main.ts',
  'dist/renderer/cashier/main.tsx',
  'dist/renderer/assets/types.d.ts',
  // The tests, their outputs and the README's screenshots.
  'tests/e2e/web-payment.test.ts',
  'tests/support/opn-rig.ts',
  'tests/artifacts/screenshots/cashier-idle.png',
  'tests/artifacts/packaging/app-files.txt',
  'tests/screenshots/cashier-idle.png',
  'tests/bench/run.ts',
  // The sources, simulators included.
  'electron/main.ts',
  'electron/simulators/pole-display/pole-emulator.ts',
  'app/ipc/pos-api.ts',
  'renderer/cashier/index.html',
  // Build and project files, a previous `npm run dist`, and a data folder with a key in it.
  'build/bundle-main.mjs',
  'build/icon.png',
  'docs/electron.md',
  'README.md',
  'package-lock.json',
  'tsconfig.json',
  'release/linux-unpacked/resources/app.asar',
  'release/QR Counter Terminal-0.1.0.AppImage',
  'terminal-data/settings.json',
  '.env',
];

let listing: PackListing;

beforeAll(async () => {
  rmSync(FIXTURE, { recursive: true, force: true });
  for (const file of [...SHIPPED, ...PLANTED]) {
    mkdirSync(path.dirname(path.join(FIXTURE, file)), { recursive: true });
    writeFileSync(path.join(FIXTURE, file), `// ${file}\n`);
  }
  for (const file of ['package.json', 'electron-builder.yml']) copyFileSync(path.join(REPO_ROOT, file), path.join(FIXTURE, file));
  listing = await listPackedApp(FIXTURE, { nodeModules: false, electronVersion: installedElectronVersion(REPO_ROOT) });
  writeFileSync(path.join(FIXTURE, '..', 'fixture-files.txt'), formatListing(listing, ['electron-builder.yml over tests/unit/electron-builder-files.test.ts’s planted project']));
  // electron-builder's schema validation alone takes seconds on a busy machine: a bound, not a timing.
}, 60_000);

afterAll(() => {
  rmSync(FIXTURE, { recursive: true, force: true });
});

describe('electron-builder.yml `files`, by electron-builder’s own matching', () => {
  it('packs the bundles, the pages with their assets, and package.json', () => {
    expect(appFilePaths(listing)).toEqual([...SHIPPED, 'package.json'].sort());
  });

  it.each(PLANTED)('leaves out %s', (planted) => {
    expect(filesOf(listing).map((entry) => entry.path)).not.toContain(planted);
  });

  it('keeps every file inside app.asar: nothing of the app itself is unpacked', () => {
    expect(filesOf(listing).filter((entry) => entry.unpacked).map((entry) => entry.path)).toEqual([]);
  });
});
