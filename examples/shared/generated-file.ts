import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK_CHARS = 1 << 20;

/**
 * Writes lines from `nextLine` to `path` until about `targetBytes` characters are written
 * (the generators emit ASCII, so characters are bytes). Lines are joined with '\n' and the
 * file ends with one.
 */
export function writeLines(path: string, targetBytes: number, nextLine: () => string): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    let chunk: string[] = [];
    let chunkChars = 0;
    while (written + chunkChars < targetBytes) {
      const line = nextLine();
      chunk.push(line);
      chunkChars += line.length + 1;
      if (chunkChars >= CHUNK_CHARS) {
        writeSync(fd, chunk.join('\n') + '\n');
        written += chunkChars;
        chunk = [];
        chunkChars = 0;
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns `path`, first creating it (a file or a directory) with `create` if it does not exist. It is written
 * under a temporary name and renamed, so an interrupted run never leaves a truncated cache.
 */
export function cachedPath(path: string, create: (path: string) => void): string {
  if (!existsSync(path)) {
    const partial = `${path}.partial-${process.pid}`;
    create(partial);
    renameSync(partial, path);
  }
  return path;
}
