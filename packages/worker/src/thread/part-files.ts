/** Output part files, named as Hadoop names them, written atomically so a retried task never leaves half a file. */
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export function partFileName(partition: number): string {
  return `part-${String(partition).padStart(5, '0')}`;
}

export function writePartFile(dir: string, partition: number, attempt: number, data: string | Uint8Array): void {
  const finalPath = join(dir, partFileName(partition));
  const temporary = join(dir, `.${partFileName(partition)}.attempt-${attempt}-${process.pid}.tmp`);
  writeFileSync(temporary, data);
  renameSync(temporary, finalPath);
}
