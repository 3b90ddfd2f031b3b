import { open, realpath } from 'node:fs/promises';
import { constants } from 'node:fs';
import { extname, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Far above any built page or bundle; a larger file in the pages folder is not ours to serve. */
const MAX_STATIC_BYTES = 8 * 1024 * 1024;

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

export const staticType = (name: string): string | null => TYPES[extname(name)] ?? null;

/**
 * Reads a built file under `root`. The path is resolved with its links, so nothing outside the pages
 * folder is reached by `..` or a symlink; only regular files of a known type and sane size are read.
 */
export async function readStatic(root: string, segments: readonly string[]): Promise<StaticFile | null> {
  const type = staticType(segments[segments.length - 1] ?? '');
  if (type === null) return null;
  try {
    const realRoot = await realpath(root);
    const path = await realpath([root, ...segments].join(sep));
    if (!path.startsWith(realRoot + sep)) return null;
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_STATIC_BYTES) return null;
      return { body: await handle.readFile(), type };
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
