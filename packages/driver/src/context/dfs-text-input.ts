/**
 * The splits of a `dfs://` text input: one per block, with the datanodes that hold it, and
 * blocks cut smaller when `minPartitions` asks for more splits (Hadoop's FileInputFormat: a goal
 * size of total / minPartitions, never more than a block); every piece keeps its block's hosts.
 * A compressed file (`.gz`, `.deflate`) is one split over all its blocks: it cannot be cut.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TextSplit, TextSplitFormat } from '@flint/rdd';
import { compressionOf, cutRange } from './text-input.js';

const SPLITS_MAIN = fileURLToPath(new URL('./dfs-splits-main.js', import.meta.url));

/** `dfs:///path` means the context's own namenode. */
export function dfsTextSplits(path: string, namenode: string | undefined, minPartitions: number): TextSplit[] {
  const blockSplits = dfsBlockSplits(path, namenode);
  const compressed = new Map(wholeFiles(blockSplits.filter((split) => compressionOf(split.path)), (file) => compressionOf(file)!).map((s) => [s.path, s]));
  const total = blockSplits.reduce((sum, split) => sum + split.length, 0);
  const goalSize = Math.max(1, total / Math.max(minPartitions, 1));
  return blockSplits.flatMap((block) => {
    const whole = compressed.get(block.path);
    if (whole) return block.start === 0 ? [whole] : [];
    return block.length <= goalSize ? [block] : cutRange(block.start, block.length, goalSize).map(([start, length]) => ({ ...block, start, length }));
  });
}

/** One split per file, over all its blocks, with the hosts of its first block. */
export function wholeFiles(blockSplits: TextSplit[], format: (path: string) => TextSplitFormat): TextSplit[] {
  const files = new Map<string, TextSplit>();
  for (const split of blockSplits) {
    const file = files.get(split.path);
    files.set(split.path, file ? { ...file, length: file.length + split.length } : { ...split, start: 0, format: format(split.path) });
  }
  return [...files.values()];
}

/** The block splits of a DFS file or directory, from a child process (creating an RDD is synchronous). */
export function dfsBlockSplits(path: string, namenode: string | undefined): TextSplit[] {
  const url = /^dfs:\/\/\//.test(path) && namenode ? `dfs://${namenode}${path.slice('dfs://'.length)}` : path;
  let blockSplits: TextSplit[];
  try {
    blockSplits = JSON.parse(execFileSync(process.execPath, [SPLITS_MAIN, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })) as TextSplit[];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`Input path does not exist or cannot be read: ${url}${stderr ? ` (${stderr})` : ''}`);
  }
  return blockSplits;
}
