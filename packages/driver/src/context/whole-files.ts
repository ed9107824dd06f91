/**
 * wholeTextFiles and binaryFiles: every file under a path is one `[path, content]` record. Each
 * file is a split read whole on a worker; the splits are then packed into at most
 * `minPartitions` partitions (Spark packs small files together with CombineFileInputFormat).
 */
import { statSync } from 'node:fs';
import type { TextSplit } from '@flint/rdd';
import { listInputFiles } from './text-input.js';
import { dfsBlockSplits, wholeFiles } from './dfs-text-input.js';

export function wholeFileSplits(path: string, namenode: string | undefined, format: 'wholeText' | 'wholeBinary'): TextSplit[] {
  if (path.startsWith('dfs://')) return wholeFiles(dfsBlockSplits(path, namenode), () => format);
  return listInputFiles(path).map((file) => ({ path: file, start: 0, length: statSync(file).size, hosts: [], format }));
}
