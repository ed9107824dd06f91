import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The lines of a file, or of every file in a directory (in name order), split the way
 * `textFile` splits them; used by the sequential references. As in Hadoop, files whose names
 * start with '_' or '.' are not input.
 */
export function readLines(input: string): string[] {
  return inputFiles(input).flatMap((file) => linesOf(readFileSync(file, 'utf8')));
}

export function inputFiles(input: string): string[] {
  if (!statSync(input).isDirectory()) return [input];
  return readdirSync(input)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((name) => join(input, name));
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
