/**
 * DFS access from a task thread: one namenode connection per thread and namenode. The client (and
 * the network layer) is loaded by the first task that reads a DFS file.
 */
import { formatAddress, parseDfsUrl, type DfsUrl } from '@flint/dfs/paths';
import type { DfsClient } from '@flint/dfs/client';
import type { TextSplit } from '@flint/rdd';
import { readLinesInBulk } from './bulk-line-split.js';

const clients = new Map<string, Promise<DfsClient>>();

export function dfsClientFor(url: DfsUrl): Promise<DfsClient> {
  const key = formatAddress(url.namenode);
  let client = clients.get(key);
  if (!client) {
    client = import('@flint/dfs/client').then(({ DfsClient }) => DfsClient.connect(url.namenode));
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}

export async function readDfsSplit(split: TextSplit): Promise<string[]> {
  const url = parseDfsUrl(split.path);
  const reader = await (await dfsClientFor(url)).open(url.path);
  return readLinesInBulk(reader, split.start, split.length);
}
