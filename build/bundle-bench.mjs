// Bundles the benchmark runner (tests/bench/run.ts) so `npm run bench` runs it in plain Node, and the
// POS rows' till worker (tests/bench/pos-tills-worker.ts), which run.cjs starts as a worker thread beside it.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Native bindings and the browser driver load from node_modules, as in the headless host's bundle.
  external: ['electron', 'serialport', '@serialport/*', 'better-sqlite3', '@resvg/*', 'bufferutil', 'utf-8-validate', 'playwright-core'],
};

await build({ ...common, entryPoints: ['tests/bench/run.ts'], outfile: 'dist/bench/run.cjs' });
await build({ ...common, entryPoints: ['tests/bench/pos-tills-worker.ts'], outfile: 'dist/bench/pos-tills-worker.cjs' });
