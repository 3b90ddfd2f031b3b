// Bundles the main process, the preload and the headless host into single CommonJS files under dist/.
// The sandboxed preload can only require('electron'), so bundling it is a requirement, not a nicety.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native and optional modules stay outside the bundle; electron-builder rebuilds the native ones.
  // resvg loads a prebuilt Node-API binary per platform (@resvg/resvg-js-<platform>), which needs no rebuild.
  external: ['electron', 'serialport', '@serialport/*', 'better-sqlite3', '@resvg/*', 'bufferutil', 'utf-8-validate'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/web/serve.ts'], outfile: 'dist/web/serve.cjs' }),
]);
