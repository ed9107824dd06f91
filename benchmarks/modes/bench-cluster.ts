/**
 * Every measured run gets a fresh local-cluster[2,1] (a namenode and two single-threaded
 * workers on loopback) with its inputs copied into that cluster's DFS, in either mode. Fresh,
 * because workers keep cached partitions keyed by RDD id across drivers: a second context on the
 * same workers can read a former context's partitions (reported to the engine's owner).
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DfsClient } from '@flint/dfs';
import { FlintContext } from '@flint/driver';
import { retryingBroadcastRace } from './broadcast-race.js';

export type Mode = 'memory' | 'mapreduce';
export const MODES: readonly Mode[] = ['memory', 'mapreduce'];

export const MASTER = 'local-cluster[2,1]';
export const WORKERS = 2;
export const TASK_SLOTS = 2;
/** Partitions of every input (DFS blocks): two per task slot. */
export const PARTITIONS = 4;
const REPLICATION = 2;
const BLOCK_ALIGNMENT = 64 * 1024;

/**
 * Copies a local file into the DFS of `namenode` (replication 2) and returns its dfs:/// path. A
 * DFS text input has one partition per block, so the block size is chosen to make PARTITIONS blocks.
 */
export async function putInto(namenode: string, localPath: string): Promise<string> {
  const blockSize = Math.ceil(statSync(localPath).size / PARTITIONS / BLOCK_ALIGNMENT) * BLOCK_ALIGNMENT;
  const client = await DfsClient.connect(namenode);
  const path = `/bench/modes/${basename(localPath)}`;
  try {
    await client.writeFile(path, createReadStream(localPath), { replication: REPLICATION, blockSize });
  } finally {
    client.close();
  }
  return `dfs://${path}`;
}

/**
 * Runs `body` with a context in `mode` on a fresh local-cluster[2,1] whose DFS holds
 * `localInputs` (given to `body` as dfs:/// paths, in order), then stops it all. A run failed by
 * the engine's broadcast race is run again.
 */
export function onFreshCluster<R>(mode: Mode, appName: string, localInputs: readonly string[], body: (fc: FlintContext, inputs: string[]) => Promise<R>): Promise<R> {
  return retryingBroadcastRace(appName, async () => {
    const fc = await FlintContext.create({ master: MASTER, mode, appName });
    try {
      const inputs: string[] = [];
      for (const input of localInputs) inputs.push(await putInto(fc.localCluster!.namenode, input));
      return await body(fc, inputs);
    } finally {
      await fc.stop();
    }
  });
}

/** Runs `body` with a context in `mode` on the running cluster of `namenode`; see onFreshCluster. */
export function onCluster<R>(namenode: string, mode: Mode, appName: string, body: (fc: FlintContext) => Promise<R>): Promise<R> {
  return retryingBroadcastRace(appName, async () => {
    const fc = await FlintContext.create({ master: `flint://${namenode}`, mode, appName });
    try {
      return await body(fc);
    } finally {
      await fc.stop();
    }
  });
}
