/**
 * Text splits that are read as whole files: a gzip or deflate file (compressed streams cannot be
 * cut, so Hadoop gives each one a single split), and the files of wholeTextFiles / binaryFiles,
 * each one record `[path, content]` with Hadoop's path (`file:/abs/path`, or the dfs:// URL).
 */
import { parseDfsUrl } from '@flint/dfs/paths';
import type { RangeSplitFormat, TextSplit, TextSplitFormat } from '@flint/rdd';
import { dfsClientFor } from './dfs-input.js';
import { decompress } from './compression.js';

export async function readWholeFileSplit(split: TextSplit, format: Exclude<TextSplitFormat, RangeSplitFormat>): Promise<unknown[]> {
  const bytes = await readWholeFile(split.path);
  switch (format) {
    case 'gzip':
    case 'deflate':
      return linesOf(decompress(bytes, format, split.path).toString('utf8'));
    case 'wholeText':
      return [[hadoopPath(split.path), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')]];
    case 'wholeBinary':
      return [[hadoopPath(split.path), bytes]];
  }
}

async function readWholeFile(path: string): Promise<Uint8Array> {
  if (path.startsWith('dfs://')) {
    const url = parseDfsUrl(path);
    return (await dfsClientFor(url)).readFile(url.path);
  }
  // node:fs/promises at first use: most task threads read no whole file.
  return process.getBuiltinModule('node:fs/promises').readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `Input path does not exist: ${path}` : `Cannot read ${path}: ${error.message}`);
  });
}

function hadoopPath(path: string): string {
  return path.startsWith('dfs://') ? path : `file:${path}`;
}

/** Lines as Hadoop's LineRecordReader ends them: at LF, CR or CR LF; no empty line after a final terminator. */
function linesOf(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
