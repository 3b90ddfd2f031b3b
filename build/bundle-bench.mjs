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
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
});
