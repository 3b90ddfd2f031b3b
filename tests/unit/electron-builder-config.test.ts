import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { buildSourceCandidates, type IconFormat } from 'app-builder-lib/out/util/iconConverter';
import { DebugLogger } from 'builder-util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};
const packageLock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; hasInstallScript?: boolean; gypfile?: boolean }>;
};

/**
 * Every package that ships in the app and builds native code: not a dev dependency, and with an
 * install script, a binding.gyp, or gypfile set. These are the ones electron-builder's npmRebuild
 * rebuilds against Electron's ABI, and the ones that must be unpacked from app.asar to load.
 */
const nativeProductionPackages = (): string[] =>
  Object.entries(packageLock.packages)
    .filter(([where, info]) => where.startsWith('node_modules/') && info.dev !== true)
    .filter(([where, info]) => info.hasInstallScript === true || info.gypfile === true || existsSync(path.join(root, where, 'binding.gyp')))
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .sort();

/** `**\/node_modules/<name or @scope>/**` covers a package of that name, or every package of that scope. */
const unpackCovers = (patterns: readonly string[], name: string): boolean =>
  patterns.some((pattern) => {
    const covered = /^\*\*\/node_modules\/(.+)\/\*\*$/.exec(pattern)?.[1];
    return covered !== undefined && (name === covered || name.startsWith(`${covered}/`));
  });

type Targets = Array<string | TargetConfiguration> | string | TargetConfiguration | null | undefined;
const targetNames = (targets: Targets): string[] =>
  (Array.isArray(targets) ? targets : targets == null ? [] : [targets]).map((t) => (typeof t === 'string' ? t : t.target));

/** Every pattern in `files`, whichever of electron-builder's shapes it was written in. */
function filePatterns(config: Configuration): string[] {
  const files = config.files;
  const entries = Array.isArray(files) ? files : files == null ? [] : [files];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const filter = entry.filter ?? [];
    return Array.isArray(filter) ? filter : [filter];
  });
}

let config: Configuration;

beforeAll(async () => {
  // electron-builder's own loader, so this reads the YAML exactly as `electron-builder --config` does.
  config = await getConfig(root, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and where things go', () => {
    expect(config.appId).toBe('com.qrcounter.terminal');
    expect(config.productName).toBe('QR Counter Terminal');
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'build' });
    expect(existsSync(path.join(root, 'build'))).toBe(true);
  });

  it('ships only the bundles, the pages and package.json, without sources or maps', () => {
    const patterns = filePatterns(config);
    const included = patterns.filter((p) => !p.startsWith('!'));
    // Not dist/**/*: dist/ also holds the headless host, the bench runner, npm start's native build and
    // the metafiles (tests/unit/electron-builder-files.test.ts plants each and sees it left out).
    expect(included.sort()).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*', 'package.json']);
    expect(patterns).toContain('!**/*.{ts,tsx,map}');
    // The entry point package.json names must be inside what is shipped.
    expect(included).toContain(packageJson.main);
  });

  it('has a 512×512 PNG icon where it says', () => {
    expect(config.icon).toBe('build/icon.png');
    const icon = PNG.sync.read(readFileSync(path.join(root, 'build/icon.png')));
    expect([icon.width, icon.height]).toEqual([512, 512]);
  });

  it('burns the hardening fuses into the binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The screens load from app://terminal/, so file:// keeps none of its extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar but unpacks every native module (serial port, SQLite), rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    for (const native of ['serialport', 'better-sqlite3']) expect(packageJson.dependencies).toHaveProperty(native);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/serialport/**', '**/node_modules/@serialport/**', '**/node_modules/better-sqlite3/**']),
    );
  });

  it('finds every native production package by the lock file (better-sqlite3, and serialport’s binding)', () => {
    expect(nativeProductionPackages()).toEqual(['@serialport/bindings-cpp', 'better-sqlite3']);
  });

  it('unpacks every native production package, and keeps each out of the main-process bundle', () => {
    const unpack = Array.isArray(config.asarUnpack) ? config.asarUnpack : config.asarUnpack == null ? [] : [config.asarUnpack];
    const bundler = readFileSync(path.join(root, 'build/bundle-main.mjs'), 'utf8');
    const externals = /external:\s*\[([^\]]*)\]/.exec(bundler)?.[1]?.match(/'[^']+'/g)?.map((q) => q.slice(1, -1)) ?? [];
    for (const name of nativeProductionPackages()) {
      expect(unpackCovers(unpack, name), `${name} is unpacked from app.asar`).toBe(true);
      // A bundled copy would load the .node file from inside the bundle, built for Node, not Electron.
      const scope = name.startsWith('@') ? `${name.split('/')[0] ?? ''}/*` : null;
      expect(externals.includes(name) || (scope !== null && externals.includes(scope)), `${name} is external to the bundle`).toBe(true);
    }
  });

  it('names an entry point the build writes: package.json main is bundle-main’s output for electron/main.ts', () => {
    const bundler = readFileSync(path.join(root, 'build/bundle-main.mjs'), 'utf8');
    expect(bundler).toContain(`entryPoints: ['electron/main.ts'], outfile: '${packageJson.main}'`);
    expect(bundler).toContain("outfile: 'dist/electron/preload.cjs'");
    expect(existsSync(path.join(root, 'electron/main.ts'))).toBe(true);
  });

  it.each([
    ['win', 'ico', 256],
    ['mac', 'icns', 512],
    ['linux', 'set', 256],
  ] as const)('derives the %s icon (%s) from build/icon.png, large enough for it', (platform, format: IconFormat, minimum) => {
    // No per-platform icon: each platform falls back to the one PNG, converted by electron-builder.
    expect(config[platform]?.icon).toBeUndefined();
    // electron-builder's own candidate list, searched in its own order (build resources, then the project).
    const candidates = buildSourceCandidates([config.icon ?? ''], format);
    const roots = [path.join(root, 'build'), root];
    const found = candidates.flatMap((c) => roots.map((r) => path.join(r, c))).find((file) => existsSync(file));
    expect(found).toBe(path.join(root, 'build/icon.png'));
    const icon = PNG.sync.read(readFileSync(found ?? ''));
    expect(Math.min(icon.width, icon.height)).toBeGreaterThanOrEqual(minimum);
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('gives the deb the homepage and maintainer it refuses to build without', () => {
    expect(config.linux?.maintainer).toMatch(/<[^@>]+@[^>]+>$/);
    expect(config.extraMetadata).toHaveProperty('homepage');
  });
});
