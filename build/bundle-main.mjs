// Bundles the main process, the preload and the headless host into single CommonJS files under dist/.
// The sandboxed preload can only require('electron'), so bundling it is a requirement, not a nicety.
import { mkdir, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Which source files went into each bundle, and what each requires at run time: written to
  // dist/meta/ (never packed) so tests/e2e/electron-builder-pack.test.ts can check what ships.
  metafile: true,
  // Native and optional modules stay outside the bundle; electron-builder rebuilds the native ones.
  // resvg loads a prebuilt Node-API binary per platform (@resvg/resvg-js-<platform>), which needs no rebuild.
  external: ['electron', 'serialport', '@serialport/*', 'better-sqlite3', '@resvg/*', 'bufferutil', 'utf-8-validate'],
};

const bundles = {
  main: { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  preload: { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
  serve: { entryPoints: ['electron/web/serve.ts'], outfile: 'dist/web/serve.cjs' },
};

const results = await Promise.all(Object.values(bundles).map((options) => build({ ...common, ...options })));
await mkdir('dist/meta', { recursive: true });
await Promise.all(
  Object.keys(bundles).map((name, i) => writeFile(`dist/meta/${name}.json`, JSON.stringify(results[i]?.metafile ?? {}, null, 1))),
);
