import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A real full disk for the journal: a small tmpfs mounted on a fresh temporary folder, and a file
 * that fills it to the last byte. Mounting needs root (or a mount namespace); where it cannot be
 * done, the tests say so and skip the full-disk steps.
 */

let probed: { problem: string | null } | undefined;

/** Why a tmpfs cannot be mounted here (not root, no mount namespace), or null when it can. Tried once. */
export function tmpfsProblem(): string | null {
  if (probed !== undefined) return probed.problem;
  const probe = mkdtempSync(join(tmpdir(), 'small-disk-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    probed = { problem: null };
  } catch (error) {
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr).trim() : '';
    probed = { problem: stderr || (error instanceof Error ? error.message : String(error)) };
  } finally {
    rmdirSync(probe);
  }
  return probed.problem;
}

/** Fills the disk under `file` to the last byte: big writes, then ever smaller ones, until even one byte is refused. */
export function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      // A 4 MB disk takes at most 16 of the big chunks; the bound only stops a disk that never fills.
      for (let i = 0; i < 10_000; i++) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC') break;
          throw error;
        }
        if (i === 9_999) throw new Error(`the disk under ${file} never filled`);
      }
    }
  } finally {
    closeSync(fd);
  }
}

export interface SmallDisk {
  /** The folder: a tmpfs of the size asked when one could be mounted, else a plain temporary folder. */
  readonly dir: string;
  readonly mounted: boolean;
  /** The file that fills it. */
  readonly filler: string;
  /** Fills the disk to the last byte (the filler file). */
  fill(): void;
  /** Removes the filler, so there is room again. */
  makeRoom(): void;
  /** Room first, then unmounts and removes the folder and whatever is in it. */
  remove(): void;
}

/** A fresh folder under the system's temporary one, with a tmpfs of `size` (such as '4m') mounted on it where possible. */
export function smallDisk(prefix: string, size: string): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let mounted = false;
  if (tmpfsProblem() === null) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
      mounted = true;
    } catch (error) {
      rmdirSync(dir);
      throw error;
    }
  }
  const filler = join(dir, 'filler');
  const makeRoom = (): void => rmSync(filler, { force: true });
  return {
    dir,
    mounted,
    filler,
    fill: () => fillDisk(filler),
    makeRoom,
    remove: () => {
      try {
        makeRoom();
      } finally {
        if (mounted) execFileSync('umount', [dir], { stdio: 'pipe' });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
