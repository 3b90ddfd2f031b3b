// Bundles the benchmark runner (tests/bench/run.ts) so `npm run bench` runs it in plain Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['tests/bench/run.ts'],
  outfile: 'dist/bench/run.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Native bindings and the browser driver load from node_modules, as in the headless host's bundle.
  external: ['electron', 'serialport', '@serialport/*', 'better-sqlite3', '@resvg/*', 'bufferutil', 'utf-8-validate', 'playwright-core'],
});
