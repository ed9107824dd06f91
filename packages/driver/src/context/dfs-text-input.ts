/** The splits of a `dfs://` text input: one per block, with the datanodes that hold it. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TextSplit } from '@flint/rdd';

const SPLITS_MAIN = fileURLToPath(new URL('./dfs-splits-main.js', import.meta.url));

/** `dfs:///path` means the context's own namenode. */
export function dfsTextSplits(path: string, namenode: string | undefined): TextSplit[] {
  const url = /^dfs:\/\/\//.test(path) && namenode ? `dfs://${namenode}${path.slice('dfs://'.length)}` : path;
  try {
    return JSON.parse(execFileSync(process.execPath, [SPLITS_MAIN, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })) as TextSplit[];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`Input path does not exist or cannot be read: ${url}${stderr ? ` (${stderr})` : ''}`);
  }
}
