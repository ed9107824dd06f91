/**
 * Lists the files behind a `textFile` path — a file, a directory (its visible files), or a glob —
 * and cuts them into splits by size the way Hadoop's FileInputFormat does: a goal size of
 * total / minPartitions, at most one local "block", and a last split up to 10% larger. A gzip
 * (`.gz`) or deflate (`.deflate`) file cannot be cut: it is one split, read whole and decompressed.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { TextSplit, TextSplitFormat } from '@flint/rdd';

const LOCAL_BLOCK_SIZE = 32 * 1024 * 1024;
const SPLIT_SLOP = 1.1;

export function localTextSplits(path: string, minPartitions: number, taskSlots = 1): TextSplit[] {
  const files = listInputFiles(path);
  const sizes = files.map((file) => statSync(file).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const goalSize = total / Math.max(minPartitions, 1);
  const splitSize = Math.max(1, Math.min(goalSize, localBlockSize(total, taskSlots)));
  const splits: TextSplit[] = [];
  files.forEach((file, i) => {
    const size = sizes[i];
    const codec = compressionOf(file);
    if (size === 0 || codec) {
      splits.push(codec ? { path: file, start: 0, length: size, hosts: [], format: codec } : { path: file, start: 0, length: 0, hosts: [] });
      return;
    }
    for (const [start, length] of cutRange(0, size, splitSize)) splits.push({ path: file, start, length, hosts: [] });
  });
  return splits;
}

/** The codec Hadoop picks from a file's extension, for the codecs Flint reads. */
export function compressionOf(path: string): Extract<TextSplitFormat, 'gzip' | 'deflate'> | undefined {
  if (path.endsWith('.gz')) return 'gzip';
  if (path.endsWith('.deflate')) return 'deflate';
  return undefined;
}

/**
 * Cuts the byte range [start, start + length) into pieces of `splitSize`, the last up to 10%
 * larger (Hadoop's SPLIT_SLOP), as [start, length] pairs.
 */
export function cutRange(start: number, length: number, splitSize: number): [number, number][] {
  const pieces: [number, number][] = [];
  let remaining = length;
  while (remaining / splitSize > SPLIT_SLOP) {
    const piece = Math.floor(splitSize);
    pieces.push([start + length - remaining, piece]);
    remaining -= piece;
  }
  pieces.push([start + length - remaining, remaining]);
  return pieces;
}

/**
 * Local files have no real blocks, so the "block" is at most 32 MiB (Hadoop's fs.local.block.size)
 * but shrunk so that the blocks come in whole rounds of task slots: 100 MiB on 2 slots is four
 * 25 MiB splits, not 32/32/32/4 MiB, which would leave one slot with 64 MiB and the other idle.
 * Inputs of one block or less keep Hadoop's split count.
 */
function localBlockSize(total: number, taskSlots: number): number {
  if (total <= LOCAL_BLOCK_SIZE) return LOCAL_BLOCK_SIZE;
  const slots = Math.max(1, taskSlots);
  const rounds = Math.ceil(total / LOCAL_BLOCK_SIZE / slots);
  return Math.min(LOCAL_BLOCK_SIZE, Math.ceil(total / Math.max(1, rounds * slots)));
}

export function listInputFiles(path: string): string[] {
  const absolute = resolve(path.replace(/^file:\/\//, ''));
  if (/[*?[]/.test(absolute)) {
    const matches = expandGlob(absolute).flatMap(filesOf);
    if (matches.length === 0) throw new Error(`Input Pattern ${path} matches 0 files`);
    return matches;
  }
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new Error(`Input path does not exist: ${absolute}`);
  }
  return stats.isDirectory() ? filesOf(absolute) : [absolute];
}

/** A directory's visible files, sorted; Hadoop skips names starting with `_` or `.` (e.g. _SUCCESS). */
function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
}

/** Expands `*`, `?` and `[...]` in any path segment. */
function expandGlob(pattern: string): string[] {
  const segments = pattern.split(sep).filter((s) => s.length > 0);
  let paths: string[] = [sep];
  for (const segment of segments) {
    if (!/[*?[]/.test(segment)) {
      paths = paths.map((p) => join(p, segment));
      continue;
    }
    const regex = globSegmentRegex(segment);
    paths = paths.flatMap((dir) => {
      try {
        return readdirSync(dir)
          .filter((name) => regex.test(name))
          .sort()
          .map((name) => join(dir, name));
      } catch {
        return [];
      }
    });
  }
  return paths.filter((p) => {
    try {
      statSync(p);
      return dirname(p) !== p;
    } catch {
      return false;
    }
  });
}

function globSegmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i);
      source += close > i ? segment.slice(i, close + 1) : '\\[';
      if (close > i) i = close;
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
