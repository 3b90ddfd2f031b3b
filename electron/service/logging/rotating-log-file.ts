import { dirname } from 'node:path';
import * as nodeFs from 'node:fs';

/** The file calls the sink makes, so a test can make the disk fail. */
export type RotatingLogFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'fstatSync' | 'fchmodSync' | 'mkdirSync'>;

/** The open log file and its rotation; it throws on a disk error, and the log above it decides what to drop. */
export interface LogFile {
  /** Writes all the bytes, rotating first when they would take the file past its size. */
  append(bytes: Buffer): void;
  /** Closes the descriptor, if open; the next append opens the file again. */
  close(): void;
}

const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW } = nodeFs.constants;
// O_NOFOLLOW does not exist on Windows, where the user-profile ACLs guard the folder instead.
const APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | (O_NOFOLLOW ?? 0);

/** `file` past `maxBytes` becomes `file.1` (older ones shift up, the oldest past `keep` is replaced), and a new file starts. */
export function openLogFile(fs: RotatingLogFs, file: string, maxBytes: number, keep: number): LogFile {
  let fd: number | null = null;
  let size = 0;

  const close = (): void => {
    if (fd === null) return;
    try {
      fs.closeSync(fd);
    } catch {
      // The descriptor is gone either way.
    }
    fd = null;
  };
  const open = (): number => {
    fs.mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // No following a link planted where the log goes: the line would land in the link's target.
    const opened = fs.openSync(file, APPEND_FLAGS, 0o600);
    try {
      // An older file may have been created with a wider mode.
      fs.fchmodSync(opened, 0o600);
      size = fs.fstatSync(opened).size;
    } catch (error) {
      fs.closeSync(opened);
      throw error;
    }
    fd = opened;
    return opened;
  };
  const rotate = (): void => {
    close();
    for (let index = keep - 1; index >= 0; index--) {
      const from = index === 0 ? file : `${file}.${String(index)}`;
      try {
        fs.renameSync(from, `${file}.${String(index + 1)}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  const writeAll = (target: number, bytes: Buffer): void => {
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(target, bytes, offset, bytes.length - offset);
    size += bytes.length;
  };

  return {
    append: (bytes) => {
      let target = fd ?? open();
      if (size > 0 && size + bytes.length > maxBytes) {
        rotate();
        target = open();
      }
      writeAll(target, bytes);
    },
    close,
  };
}
