import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { routePageRequest } from '../../electron/main/page-protocol';
import { PAGE_ORIGIN, pageUrl } from '../../electron/main/page-url';
import { listPackedApp, type PackListing } from '../support/electron-builder-pack';
import { appFilePaths, filesOf, formatListing, lockedPackages, packageDirOf, packedPackages, pageClosure } from '../support/packed-app';
import { REPO_ROOT } from '../support/paths';

/**
 * What `npm run dist` would pack from this checkout after `npm run build`, listed by electron-builder's
 * own matching (tests/support/electron-builder-pack.ts) and checked: everything Electron loads is in, nothing
 * of the tests, the sources, the benchmark or the headless host is, the native modules are unpacked, and
 * the main bundle carries the demo simulators but none of the test rigs. The listing is written to
 * tests/artifacts/packaging/app-files.txt for a person to read.
 */

const LISTING_FILE = path.join(REPO_ROOT, 'tests/artifacts/packaging/app-files.txt');

const metafile = z.object({
  inputs: z.record(z.string(), z.object({ bytes: z.number() }).loose()),
  outputs: z.record(
    z.string(),
    z
      .object({
        bytes: z.number(),
        inputs: z.record(z.string(), z.unknown()),
        imports: z.array(z.object({ path: z.string(), kind: z.string(), external: z.boolean().optional() }).loose()),
      })
      .loose(),
  ),
});
type Bundle = z.infer<typeof metafile>['outputs'][string];

/** One bundle as esbuild described it when it wrote it (build/bundle-main.mjs writes dist/meta/). */
function bundleMeta(name: 'main' | 'preload', output: string): Bundle {
  const meta = metafile.parse(JSON.parse(readFileSync(path.join(REPO_ROOT, `dist/meta/${name}.json`), 'utf8')));
  const bundle = meta.outputs[output];
  if (bundle === undefined) throw new Error(`dist/meta/${name}.json does not describe ${output}`);
  return bundle;
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );
}

/**
 * The simulators demo mode runs (README "Demo mode"): the demo provider, the Opn and Orangepill APIs,
 * the virtual printer for a demo without a printer, and what they share. Anything else of
 * electron/simulators/ in the shipped bundle is a test rig.
 */
const DEMO_SIMULATORS = /^electron\/simulators\/(demo|opn|orangepill|printer)\/[^/]+\.ts$|^electron\/simulators\/(http-util|faults|webhook-sender|simulated-provider|control-gate)\.ts$/;

let listing: PackListing;
let packed: string[];
/** package.json as electron-builder writes it into the archive (its `main`, extraMetadata merged in). */
const packedManifest = z.object({ main: z.string(), homepage: z.string().optional(), devDependencies: z.unknown().optional() }).loose();
let manifest: z.infer<typeof packedManifest>;

beforeAll(async () => {
  listing = await listPackedApp(REPO_ROOT, { nodeModules: true });
  packed = filesOf(listing).map((entry) => entry.path);
  mkdirSync(path.dirname(LISTING_FILE), { recursive: true });
  writeFileSync(
    LISTING_FILE,
    formatListing(listing, [
      'What `npm run dist` would pack from this checkout (Linux x64), listed by electron-builder’s own matching.',
      'Written by tests/e2e/electron-builder-pack.test.ts; see README "## Electron", Packaging.',
    ]),
  );
  const packageEntry = filesOf(listing).find((entry) => entry.path === 'package.json');
  const text = packageEntry?.read == null ? '{}' : (await packageEntry.read()).toString('utf8');
  manifest = packedManifest.parse(JSON.parse(text));
});

describe('what electron-builder would pack', () => {
  it('packs the main bundle, the preload, the built pages and package.json: nothing else of the project', () => {
    const pages = filesUnder('dist/renderer').filter((file) => !file.endsWith('.map'));
    expect(appFilePaths(listing)).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs', ...pages, 'package.json'].sort());
    // Each is the file the build wrote, not a link that could carry something from elsewhere into the archive.
    for (const file of appFilePaths(listing)) expect(lstatSync(path.join(REPO_ROOT, file)).isFile(), file).toBe(true);
  });

  it('leaves out the tests, the sources, the maps, the headless host, the benchmark, the metafiles and npm start’s native build', () => {
    const forbidden = /^(tests|electron|app|renderer|build|docs|release)\/|^dist\/(web|bench|native|meta)\/|\.(ts|tsx|map)$|(^|\/)tests\/artifacts\//;
    expect(packed.filter((file) => forbidden.test(file))).toEqual([]);
    // Present on disk after `npm run build`, so leaving them out is the configuration's doing, not their absence.
    expect(filesUnder('dist/meta').length).toBeGreaterThan(0);
    expect(filesUnder('dist/web').length).toBeGreaterThan(0);
  });

  it('writes package.json with `main` naming a packed file, the deb’s homepage, and no devDependencies', async () => {
    expect(packed).toContain(manifest.main);
    expect(manifest.main).toBe('dist/electron/main.cjs');
    const config = await getConfig(REPO_ROOT, 'electron-builder.yml', null);
    expect(manifest.homepage).toBe(config.extraMetadata?.['homepage']);
    expect(manifest.devDependencies).toBeUndefined();
    // Nothing is copied beside the archive: it and app.asar.unpacked are the whole app.
    expect([config.extraResources, config.extraFiles]).toEqual([undefined, undefined]);
  });

  it('packs the preload and every page the main bundle loads, with each script and stylesheet they load, all served by app://terminal/', async () => {
    const mainDir = path.posix.dirname(manifest.main);
    const mainCode = readFileSync(path.join(REPO_ROOT, manifest.main), 'utf8');
    // electron/main.ts: PRELOAD = join(__dirname, 'preload.cjs'), RENDERER_DIR = join(__dirname, '../renderer').
    expect(mainCode).toMatch(/\.join\(__dirname, "preload\.cjs"\)/);
    expect(mainCode).toMatch(/\.join\(__dirname, "\.\.\/renderer"\)/);
    expect(packed).toContain(path.posix.join(mainDir, 'preload.cjs'));
    const rendererDir = path.posix.join(mainDir, '../renderer');
    const pages = (['cashier', 'display'] as const).map((role) => {
      const route = routePageRequest(pageUrl(role), 'GET');
      if (!route.ok) throw new Error(`${pageUrl(role)} is not served: ${route.reason}`);
      return path.posix.join(rendererDir, route.file);
    });
    const loaded = await pageClosure(listing, pages);
    expect(loaded.length).toBeGreaterThan(pages.length);
    expect(loaded.filter((file) => !packed.includes(file))).toEqual([]);
    const unserved = loaded.filter((file) => !routePageRequest(`${PAGE_ORIGIN}/${path.posix.relative(rendererDir, file)}`, 'GET').ok);
    expect(unserved).toEqual([]);
  });

  it('describes the packed bundles by their metafiles, built with them', () => {
    const size = (file: string): number | null => filesOf(listing).find((entry) => entry.path === file)?.size ?? null;
    expect(bundleMeta('main', 'dist/electron/main.cjs').bytes).toBe(size('dist/electron/main.cjs'));
    expect(bundleMeta('preload', 'dist/electron/preload.cjs').bytes).toBe(size('dist/electron/preload.cjs'));
  });

  it('ships the simulators demo mode runs in the main bundle, and no test rig: no tests/, no pole display emulator', () => {
    const inputs = Object.keys(bundleMeta('main', 'dist/electron/main.cjs').inputs);
    expect(inputs.filter((input) => input.startsWith('tests/') || /(^|\/)node_modules\/(vitest|playwright-core|@vitest)\//.test(input))).toEqual([]);
    const simulators = inputs.filter((input) => input.startsWith('electron/simulators/'));
    expect(simulators.filter((input) => !DEMO_SIMULATORS.test(input))).toEqual([]);
    expect(simulators.filter((input) => input.startsWith('electron/simulators/pole-display/'))).toEqual([]);
    // Demo mode's own: each is in, so the check above looked at a real bundle.
    for (const demo of ['demo/demo-simulator.ts', 'opn/opn-simulator.ts', 'orangepill/orangepill-simulator.ts', 'printer/virtual-printer.ts']) {
      expect(simulators).toContain(`electron/simulators/${demo}`);
    }
    const preload = Object.keys(bundleMeta('preload', 'dist/electron/preload.cjs').inputs);
    expect(preload.filter((input) => input.startsWith('tests/') || input.startsWith('electron/simulators/'))).toEqual([]);
  });

  it('packs every package the main bundle requires at run time, where main.cjs finds it', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const imports = bundleMeta('main', 'dist/electron/main.cjs').imports;
    const required = [...new Set(imports.filter((entry) => entry.external === true && !builtins.has(entry.path) && entry.path !== 'electron').map((entry) => entry.path))];
    expect(required.sort()).toEqual(['@resvg/resvg-js', 'better-sqlite3', 'serialport']);
    for (const name of required) expect(packed, name).toContain(`node_modules/${name}/package.json`);
  });

  it('packs every production package of package-lock.json at its locked version, and no development-only one', async () => {
    const { production, devOnly } = lockedPackages(REPO_ROOT);
    const shipped = new Set((await packedPackages(listing)).values());
    expect([...production].filter((id) => !shipped.has(id)).sort()).toEqual([]);
    expect([...shipped].filter((id) => !production.has(id)).sort()).toEqual([]);
    expect([...shipped].filter((id) => devOnly.has(id))).toEqual([]);
    expect(shipped.size).toBeGreaterThan(10);
  });

  it('unpacks the native modules: every .node binary, and the whole of each package that has one', () => {
    const entries = filesOf(listing);
    const binaries = entries.filter((entry) => entry.path.endsWith('.node'));
    const nativePackages = new Set(binaries.map((entry) => packageDirOf(entry.path)));
    expect([...nativePackages].sort()).toEqual(
      expect.arrayContaining(['node_modules/@resvg/resvg-js-linux-x64-gnu', 'node_modules/@serialport/bindings-cpp', 'node_modules/better-sqlite3']),
    );
    expect(entries.filter((entry) => nativePackages.has(packageDirOf(entry.path)) && !entry.unpacked).map((entry) => entry.path)).toEqual([]);
    expect(packed).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    // The app's own files stay in the archive.
    expect(entries.filter((entry) => packageDirOf(entry.path) === null && entry.unpacked).map((entry) => entry.path)).toEqual([]);
  });
});
