import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { KeydeskError } from '../../shared/errors';

/** Windows has no O_NOFOLLOW / O_NONBLOCK; there lstat stands in (see below). */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const sizeWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${Math.round(bytes / 1024)} KiB`;

/**
 * Reads a file Keydesk opens on the user's behalf (a key file, a credentials file): regular files
 * only, never through a symbolic link, and never more than `maxBytes` + 1 bytes, so a FIFO cannot
 * hang it and /dev/zero cannot grow its memory. The text must be UTF-8. Every refusal names the
 * file and why; `field` is the form field the error belongs to.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  what: string,
  field = 'content',
): Promise<string> {
  const refuse = (why: string) =>
    new KeydeskError('IMPORT_INVALID', `Cannot read ${path}: ${why}.`, field);
  let handle;
  try {
    handle = await open(path, openFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      throw refuse(
        'it is a symbolic link; Keydesk reads only regular files, so name the file itself',
      );
    }
    throw refuse(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (code ?? (error as Error).message),
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw refuse(`it is ${kindOf(stats)}, not a file`);
    if (stats.size > maxBytes) {
      throw refuse(`it is larger than ${sizeWords(maxBytes)}, far more than ${what} could be`);
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw refuse(`it is larger than ${sizeWords(maxBytes)}, far more than ${what} could be`);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw refuse('it is not text (not UTF-8)');
    }
  } finally {
    await handle.close();
  }
}
