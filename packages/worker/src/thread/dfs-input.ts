/** Reads a text split of a DFS file on a task thread; one namenode connection per thread and namenode. */
import { DfsClient, formatAddress, parseDfsUrl } from '@flint/dfs';
import type { TextSplit } from '@flint/rdd';
import { readLinesInBulk } from './bulk-line-split.js';

const clients = new Map<string, Promise<DfsClient>>();

export async function readDfsSplit(split: TextSplit): Promise<string[]> {
  const url = parseDfsUrl(split.path);
  const key = formatAddress(url.namenode);
  let client = clients.get(key);
  if (!client) {
    client = DfsClient.connect(url.namenode);
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  const reader = await (await client).open(url.path);
  return readLinesInBulk(reader, split.start, split.length);
}
