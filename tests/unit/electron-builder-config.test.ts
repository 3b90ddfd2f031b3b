import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

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

  it('ships only the build output and package.json, without sources or maps', () => {
    const patterns = filePatterns(config);
    const included = patterns.filter((p) => !p.startsWith('!'));
    expect(included.sort()).toEqual(['dist/**/*', 'package.json']);
    expect(patterns).toContain('!**/*.{ts,tsx,map}');
    // The entry point package.json names must be inside what is shipped.
    expect(packageJson.main.startsWith('dist/')).toBe(true);
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
    });
    // The screens load from file://, which this fuse would break.
    expect(config.electronFuses).not.toHaveProperty('grantFileProtocolExtraPrivileges');
  });

  it('packs into asar but unpacks every native module (serial port, SQLite), rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    for (const native of ['serialport', 'better-sqlite3']) expect(packageJson.dependencies).toHaveProperty(native);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/serialport/**', '**/node_modules/@serialport/**', '**/node_modules/better-sqlite3/**']),
    );
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
