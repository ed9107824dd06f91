/**
 * The splits of a `dfs://` text input: one per block, with the datanodes that hold it, and
 * blocks cut smaller when `minPartitions` asks for more splits (Hadoop's FileInputFormat: a goal
 * size of total / minPartitions, never more than a block); every piece keeps its block's hosts.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TextSplit } from '@flint/rdd';
import { cutRange } from './text-input.js';

const SPLITS_MAIN = fileURLToPath(new URL('./dfs-splits-main.js', import.meta.url));

/** `dfs:///path` means the context's own namenode. */
export function dfsTextSplits(path: string, namenode: string | undefined, minPartitions: number): TextSplit[] {
  const url = /^dfs:\/\/\//.test(path) && namenode ? `dfs://${namenode}${path.slice('dfs://'.length)}` : path;
  let blockSplits: TextSplit[];
  try {
    blockSplits = JSON.parse(execFileSync(process.execPath, [SPLITS_MAIN, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })) as TextSplit[];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`Input path does not exist or cannot be read: ${url}${stderr ? ` (${stderr})` : ''}`);
  }
  return cutToGoalSize(blockSplits, minPartitions);
}

function cutToGoalSize(blockSplits: TextSplit[], minPartitions: number): TextSplit[] {
  const total = blockSplits.reduce((sum, split) => sum + split.length, 0);
  const goalSize = Math.max(1, total / Math.max(minPartitions, 1));
  return blockSplits.flatMap((block) =>
    block.length <= goalSize ? [block] : cutRange(block.start, block.length, goalSize).map(([start, length]) => ({ ...block, start, length })),
  );
}
