import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { Arch, AsyncTaskManager } from 'builder-util';
import { AppInfo } from 'app-builder-lib/out/appInfo';
import { createElectronFrameworkSupport } from 'app-builder-lib/out/electron/ElectronFramework';
import type { FileMatcher, GetFileMatchersOptions } from 'app-builder-lib/out/fileMatcher';
import { LinuxPackager } from 'app-builder-lib/out/linuxPackager';
import { Packager } from 'app-builder-lib/out/packager';
import { type AfterPackContext, type AsarOptions, Platform, type PlatformSpecificBuildOptions } from 'app-builder-lib';

/**
 * What `electron-builder --linux dir` would put in resources/app.asar and app.asar.unpacked, computed by
 * electron-builder itself: its Packager reads electron-builder.yml and package.json, and the Linux
 * packager's own copyAppFiles runs its file matchers (`files`, the default exclusions, the output folder),
 * its package.json rewrite (extraMetadata), its production node_modules collection and its `asarUnpack`
 * and smart-unpack decisions. Only the last step, writing the archive, is replaced: the entries it would
 * be given are kept instead. The Electron binary, `npmRebuild` and the fuses are not involved in what
 * goes into the archive, which is why this runs without the binary.
 */

/** One entry of the archive: its path inside the app, and whether it lands in app.asar.unpacked. */
export interface PackedEntry {
  readonly path: string;
  readonly type: 'file' | 'directory' | 'link';
  readonly unpacked: boolean;
  readonly size: number | null;
  /** The bytes electron-builder would write (package.json after its rewrite); null for a directory. */
  readonly read: (() => Promise<Buffer>) | null;
}

export interface PackListing {
  readonly entries: readonly PackedEntry[];
  /** The package manager whose tree electron-builder collected node_modules from, or null when they were left out. */
  readonly packageManager: string | null;
}

export interface PackOptions {
  /** False for a fixture with no node_modules: the app's own files only. */
  readonly nodeModules: boolean;
  /** Given for a fixture with no node_modules/electron to read it from (so nothing is looked up online). */
  readonly electronVersion?: string;
}

/** The archive entries as electron-builder hands them to @electron/asar (asarUtil.js, createPackageFromStreams). */
const streamEntries = z.array(
  z.object({
    path: z.string().min(1),
    type: z.enum(['file', 'directory', 'link']),
    unpacked: z.boolean(),
    stat: z.object({ size: z.number() }).loose().optional(),
    streamGenerator: z.custom<() => Readable>((value) => typeof value === 'function').optional(),
  }),
);

type ParsedPatterns = Parameters<FileMatcher['computeParsedPatterns']>[0];

/**
 * The PlatformPackager steps doPack runs that app-builder-lib declares private, without types: their
 * signatures as platformPackager.js defines and calls them.
 */
interface PackSteps {
  getExtraFileMatchers(isResources: boolean, appOutDir: string, options: GetFileMatchersOptions): FileMatcher[] | null;
  computeAsarOptions(customBuildOptions: PlatformSpecificBuildOptions): Promise<AsarOptions | null>;
  copyAppFiles(
    taskManager: AsyncTaskManager,
    asarOptions: AsarOptions,
    resourcePath: string,
    defaultDestination: string,
    packContext: AfterPackContext,
    platformSpecificBuildOptions: PlatformSpecificBuildOptions,
    excludePatterns: ParsedPatterns,
    macroExpander: (pattern: string) => string,
  ): void;
}

interface ArchiveWriter {
  executeElectronAsar(streams: unknown): Promise<void>;
}

/** electron-builder's AsarPackager, whose declarations are not published: checked before it is touched. */
function asarPackagerPrototype(): ArchiveWriter {
  const loaded: unknown = createRequire(import.meta.url)('app-builder-lib/out/asar/asarUtil');
  const packagerClass: unknown = typeof loaded === 'object' && loaded !== null && 'AsarPackager' in loaded ? loaded.AsarPackager : null;
  const prototype: unknown = typeof packagerClass === 'function' ? (packagerClass as { prototype: unknown }).prototype : null;
  if (typeof prototype !== 'object' || prototype === null || !('executeElectronAsar' in prototype) || typeof prototype.executeElectronAsar !== 'function') {
    throw new Error('app-builder-lib no longer has AsarPackager.executeElectronAsar: update tests/support/electron-builder-pack.ts');
  }
  return prototype as ArchiveWriter;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** The archive `npm run dist` would build for Linux x64 from `projectDir` as it is now (dist/ included). */
export async function listPackedApp(projectDir: string, options: PackOptions): Promise<PackListing> {
  const packager = new Packager({ projectDir, config: 'electron-builder.yml', targets: Platform.LINUX.createTarget('dir', Arch.x64) });
  await packager.validateConfig();
  if (options.electronVersion !== undefined) packager.config.electronVersion = options.electronVersion;
  packager._appInfo = new AppInfo(packager, null);
  packager['_framework'] = await createElectronFrameworkSupport(packager.config, packager);
  if (!options.nodeModules) packager['_nodeModulesHandledExternally'] = true;

  const linux = new LinuxPackager(packager);
  const steps = linux as unknown as PackSteps;
  const arch = Arch.x64;
  // As Packager.doBuild and PlatformPackager.doPack compute them.
  const outDir = path.resolve(projectDir, linux.expandMacro(packager.config.directories?.output ?? 'dist', Arch[arch]));
  const appOutDir = path.join(outDir, 'linux-unpacked');
  const resourcesPath = path.join(appOutDir, 'resources');
  const matcherOptions = linux.createGetFileMatchersOptions(outDir, arch, linux.platformSpecificBuildOptions);
  const excludePatterns: ParsedPatterns = [];
  for (const isResources of [true, false]) {
    for (const matcher of steps.getExtraFileMatchers(isResources, appOutDir, matcherOptions) ?? []) {
      matcher.computeParsedPatterns(excludePatterns, projectDir);
    }
  }
  const asarOptions = await steps.computeAsarOptions(linux.platformSpecificBuildOptions);
  if (asarOptions == null) throw new Error('electron-builder.yml does not pack into app.asar');
  const packContext: AfterPackContext = { appOutDir, outDir, arch, targets: [], packager: linux, electronPlatformName: 'linux' };

  const writer = asarPackagerPrototype();
  const writeArchive = Object.getOwnPropertyDescriptor(writer, 'executeElectronAsar');
  let captured: unknown = null;
  writer.executeElectronAsar = (streams: unknown) => {
    captured = streams;
    return Promise.resolve();
  };
  try {
    const tasks = new AsyncTaskManager(packager.cancellationToken);
    steps.copyAppFiles(tasks, asarOptions, resourcesPath, path.join(resourcesPath, 'app'), packContext, linux.platformSpecificBuildOptions, excludePatterns, matcherOptions.macroExpander);
    await tasks.awaitTasks();
  } finally {
    if (writeArchive !== undefined) Object.defineProperty(writer, 'executeElectronAsar', writeArchive);
    await packager.tempDirManager.cleanup();
  }
  const entries = streamEntries.parse(captured).map((entry): PackedEntry => {
    const generate = entry.streamGenerator;
    return {
      path: entry.path.split(path.sep).join('/'),
      type: entry.type,
      unpacked: entry.unpacked,
      size: entry.stat?.size ?? null,
      read: generate === undefined ? null : () => readAll(generate()),
    };
  });
  return { entries, packageManager: options.nodeModules ? await packager.getPackageManager() : null };
}

/** The Electron version the project installs, for a fixture that has no node_modules of its own. */
export function installedElectronVersion(projectDir: string): string {
  const parsed = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(projectDir, 'node_modules/electron/package.json'), 'utf8')));
  return parsed.version;
}
