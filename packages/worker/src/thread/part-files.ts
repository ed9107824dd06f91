/**
 * Output part files, named as Hadoop names them, in a local directory or a dfs:// one. Local files
 * are written under a temporary name and renamed, so a retried task never leaves half a file; a
 * DFS file is only visible once closed, and a retry overwrites it.
 */
import { join } from 'node:path';
import { parseDfsUrl } from '@flint/dfs/paths';
import { dfsClientFor } from './dfs-input.js';

/** node:fs/promises at first use: a task thread that writes no file never loads it (0.7 ms of its start). */
const fs = () => process.getBuiltinModule('node:fs/promises');

/** `part-00000`, plus a compression codec's extension (`.gz`) when there is one. */
export function partFileName(partition: number, extension = ''): string {
  return `part-${String(partition).padStart(5, '0')}${extension}`;
}

export async function writePartFile(dir: string, partition: number, attempt: number, data: Uint8Array, replication?: number, extension = ''): Promise<void> {
  if (dir.startsWith('dfs://')) {
    const url = parseDfsUrl(dir);
    const client = await dfsClientFor(url);
    await client.writeFile(`${url.path.replace(/\/$/, '')}/${partFileName(partition, extension)}`, data, { replication, overwrite: true });
    return;
  }
  const finalPath = join(dir, partFileName(partition, extension));
  const temporary = join(dir, `.${partFileName(partition)}.attempt-${attempt}-${process.pid}.tmp`);
  await fs().writeFile(temporary, data);
  await fs().rename(temporary, finalPath);
}

export async function readPartFile(dir: string, partition: number): Promise<Uint8Array> {
  if (dir.startsWith('dfs://')) {
    const url = parseDfsUrl(dir);
    return (await dfsClientFor(url)).readFile(`${url.path.replace(/\/$/, '')}/${partFileName(partition)}`);
  }
  return fs().readFile(join(dir, partFileName(partition)));
}
