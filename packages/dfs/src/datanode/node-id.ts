/** A datanode keeps its identity in its data directory, so a restart re-registers as the same node. */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadOrCreateNodeId(dataDir: string): Promise<string> {
  const path = join(dataDir, 'node-id');
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (/^dn-[0-9a-f]+$/.test(stored)) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const nodeId = `dn-${randomBytes(6).toString('hex')}`;
  await writeFile(path, `${nodeId}\n`);
  return nodeId;
}
