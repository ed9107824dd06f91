/**
 * Runs one job in both execution modes on the same master and input, one context after the
 * other, so that tests can compare what `memory` and `mapreduce` return.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext } from '@flint/driver';

export type Mode = 'memory' | 'mapreduce';
export const MODES: readonly Mode[] = ['memory', 'mapreduce'];

export interface ModeResults<R> {
  readonly memory: R;
  readonly mapreduce: R;
}

/**
 * A job's result in each mode. On a `local-cluster` master the local `input` (a file or a
 * directory) is first copied into Flint DFS and the job is given its `dfs:///` path.
 */
export async function inBothModes<R>(master: string, input: string, job: (fc: FlintContext, input: string) => Promise<R>): Promise<ModeResults<R>> {
  const results: Partial<Record<Mode, R>> = {};
  for (const mode of MODES) {
    const fc = await FlintContext.create({ master, mode, appName: `modes-${mode}` });
    try {
      const path = fc.localCluster ? await copyToDfs(fc.localCluster.namenode, input) : input;
      results[mode] = await job(fc, path);
    } finally {
      await fc.stop();
    }
  }
  return { memory: results.memory!, mapreduce: results.mapreduce! };
}

/** A temp directory for the file's inputs, removed after its tests. */
export function useTempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `flint-modes-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Small blocks, so that even test inputs span several blocks (and partitions) on both workers. */
const TEST_BLOCK_SIZE = 64 * 1024;

async function copyToDfs(namenode: string, input: string): Promise<string> {
  const client = await DfsClient.connect(namenode);
  const root = `/modes-test/${Date.now()}`;
  try {
    const names = statSync(input).isDirectory() ? readdirSync(input).map((name) => `/${name}`) : [''];
    for (const name of names) {
      await client.writeFile(`${root}${name}`, readFileSync(`${input}${name}`), { replication: 2, blockSize: TEST_BLOCK_SIZE });
    }
  } finally {
    client.close();
  }
  return `dfs://${root}`;
}
