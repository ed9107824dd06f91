/**
 * Text splits over DFS files: one split per block (Spark's textFile over HDFS), with the hosts
 * of the block's replicas as preferred locations. Reading a split uses the line rule of
 * line-reader.ts over a DFS range reader, so lines straddling blocks are read once.
 */
import type { DfsClient } from '../client/dfs-client.js';
import type { RangeReader } from './line-reader.js';

export interface TextSplit {
  path: string;
  start: number;
  length: number;
  /** Hosts of the datanodes holding the block, as Spark's preferred locations. */
  hosts: string[];
  /** Datanode ids holding the block: the precise locality key (hosts repeat on one machine). */
  nodeIds: string[];
}

export async function getTextSplits(client: DfsClient, path: string): Promise<TextSplit[]> {
  const status = await client.stat(path);
  const { blocks } = await client.getBlockLocations(path, 0, status.length);
  if (blocks.length === 0) return [{ path, start: 0, length: 0, hosts: [], nodeIds: [] }];
  return blocks.map((block) => ({
    path,
    start: block.offset,
    length: block.length,
    hosts: [...new Set(block.locations.map((location) => location.host))],
    nodeIds: block.locations.map((location) => location.nodeId),
  }));
}

export async function dfsRangeReader(client: DfsClient, path: string): Promise<RangeReader> {
  return client.open(path);
}
