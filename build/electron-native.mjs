// Builds better-sqlite3 for Electron's ABI into dist/native/, leaving node_modules alone: there the
// Node build stays, which the tests and the headless host use. `npm start` runs this; the first run
// downloads Electron's headers and compiles (about a minute), later runs find the file and return.
// Packaged apps do not need it: electron-builder rebuilds node_modules for Electron when it packs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = require('electron/package.json').version;
const target = join(root, 'dist', 'native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const work = mkdtempSync(join(tmpdir(), 'sqlite-electron-'));
try {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
  const env = { ...process.env };
  // A user-level nodedir (Node's own headers) would override Electron's.
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first start only)…`);
  const result = spawnSync(
    process.execPath,
    [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, env, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error('Could not build better-sqlite3 for Electron: it needs internet access to electronjs.org for the headers, and a C++ toolchain.');
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`Built ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
