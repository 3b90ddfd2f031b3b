import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PackedEntry, PackListing } from './electron-builder-pack';

/** Readings of electron-builder's archive listing (electron-builder-pack.ts) for the packaging checks. */

const PACKAGE_ROOT_JSON = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/;

/** The folder of the innermost node_modules package an archive path is in, or null for the app's own files. */
export function packageDirOf(entryPath: string): string | null {
  const marker = 'node_modules/';
  const at = entryPath.lastIndexOf(marker);
  if (at < 0) return null;
  const parts = entryPath.slice(at + marker.length).split('/');
  const name = parts[0]?.startsWith('@') === true ? parts.slice(0, 2) : parts.slice(0, 1);
  return `${entryPath.slice(0, at + marker.length)}${name.join('/')}`;
}

export const filesOf = (listing: PackListing): PackedEntry[] => listing.entries.filter((entry) => entry.type === 'file');

/** The app's own files, outside node_modules, by their path in the archive. */
export const appFilePaths = (listing: PackListing): string[] =>
  filesOf(listing)
    .filter((entry) => packageDirOf(entry.path) === null)
    .map((entry) => entry.path)
    .sort();

const packageJson = z.object({ name: z.string().min(1), version: z.string().min(1) }).loose();

/** Every node_modules package in the archive, folder → `name@version`, read from its packed package.json. */
export async function packedPackages(listing: PackListing): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of filesOf(listing)) {
    if (!PACKAGE_ROOT_JSON.test(entry.path) || entry.read === null) continue;
    const parsed = packageJson.parse(JSON.parse((await entry.read()).toString('utf8')));
    found.set(path.posix.dirname(entry.path), `${parsed.name}@${parsed.version}`);
  }
  return found;
}

const lockFile = z.object({
  packages: z.record(
    z.string(),
    z
      .object({
        name: z.string().optional(),
        version: z.string().optional(),
        dev: z.boolean().optional(),
        devOptional: z.boolean().optional(),
        optional: z.boolean().optional(),
        hasInstallScript: z.boolean().optional(),
      })
      .loose(),
  ),
});

export interface LockedPackages {
  /** `name@version` of every package the app needs at run time that is installed here (optional ones for other platforms are not). */
  readonly production: ReadonlySet<string>;
  /** `name@version` of packages installed only for development (tests, build, lint): never to ship. */
  readonly devOnly: ReadonlySet<string>;
}

/** The production and development-only packages, from package-lock.json (as `npm ci --omit=dev` would see them). */
export function lockedPackages(projectDir: string): LockedPackages {
  const lock = lockFile.parse(JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8')));
  const production = new Set<string>();
  const dev = new Set<string>();
  for (const [where, info] of Object.entries(lock.packages)) {
    if (!where.startsWith('node_modules/') || info.version === undefined) continue;
    const id = `${info.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version}`;
    // devOptional: needed only by a dev dependency's optional peer (e.g. @types/react): installed for development.
    if (info.dev === true || info.devOptional === true) dev.add(id);
    else if (info.optional !== true || existsSync(path.join(projectDir, where))) production.add(id);
  }
  return { production, devOnly: new Set([...dev].filter((id) => !production.has(id))) };
}

/** Relative references a built page, script or stylesheet makes to another built file. */
const REFERENCES: readonly RegExp[] = [
  /\b(?:src|href)="(\.{1,2}\/[^"]+)"/g,
  /\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
  /\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g,
  /\burl\(\s*["']?(\.{1,2}\/[^"')]+)["']?\s*\)/g,
];

/**
 * Every file the given pages load, followed from the HTML through the scripts and stylesheets they
 * reference, as archive paths. A reference to a file that is not packed is returned as is, so a check
 * can name it.
 */
export async function pageClosure(listing: PackListing, pages: readonly string[]): Promise<string[]> {
  const byPath = new Map(filesOf(listing).map((entry) => [entry.path, entry]));
  const seen = new Set<string>();
  const queue = [...pages];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const entry = byPath.get(file);
    if (entry?.read == null || !/\.(html|js|css)$/.test(file)) continue;
    const text = (await entry.read()).toString('utf8');
    for (const pattern of REFERENCES) {
      for (const match of text.matchAll(pattern)) queue.push(path.posix.join(path.posix.dirname(file), match[1]!));
    }
  }
  return [...seen].sort();
}

/** The listing as a human reads it: one line per file, unpacked ones marked, with a header saying how it was made. */
export function formatListing(listing: PackListing, header: readonly string[]): string {
  const lines = filesOf(listing).map((entry) => `${entry.unpacked ? 'unpacked' : 'asar    '}  ${String(entry.size ?? 0).padStart(9)}  ${entry.path}`);
  return [
    ...header.map((line) => `# ${line}`),
    `# Production node_modules: ${listing.packageManager === null ? 'left out' : `collected by electron-builder from ${listing.packageManager}’s tree`}.`,
    '# "asar" = inside resources/app.asar; "unpacked" = resources/app.asar.unpacked/, loaded from disk.',
    '',
    ...lines.sort((a, b) => a.slice(21).localeCompare(b.slice(21))),
    '',
  ].join('\n');
}
