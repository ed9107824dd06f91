import { readLines } from '../shared/read-lines.js';

/**
 * The edges of a `source target` edge list, read the way the graph jobs read it: fields split on
 * whitespace, blank lines and `#` comments skipped, vertex ids must be integers. For the
 * sequential references; the jobs repeat these rules inline, as shipped functions must.
 */
export function readEdges(input: string): [number, number][] {
  return readLines(input)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      const [source, target] = fields.map(Number);
      if (fields.length !== 2 || !Number.isSafeInteger(source) || !Number.isSafeInteger(target)) {
        throw new Error(`malformed edge (want two integer vertex ids): ${line}`);
      }
      return [source, target];
    });
}
