import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK_CHARS = 1 << 20;

/** Writes `lines` to `path`, each ended by '\n', in chunks of about a megabyte. */
export function writeLineFile(path: string, lines: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [];
    let chunkChars = 0;
    for (const line of lines) {
      chunk.push(line);
      chunkChars += line.length + 1;
      if (chunkChars >= CHUNK_CHARS) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
        chunkChars = 0;
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}
