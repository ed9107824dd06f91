/** An edge list loaded into adjacency arrays (CSR) over vertex ids 0..n-1, for the hand-written graph programs. */
import { readFileSync } from 'node:fs';
import { dataLines } from './timed-iterations.js';

export interface Adjacency {
  readonly vertices: number;
  /** Neighbours of vertex v: targets[offsets[v] .. offsets[v + 1]). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Whether a vertex occurs in the edge list at all. */
  readonly present: Uint8Array;
}

/** Out-links, or links both ways when `undirected`. */
export function loadAdjacency(input: string, undirected: boolean): Adjacency {
  const edges = dataLines(readFileSync(input, 'utf8')).map((line) => line.trim().split(/\s+/).map(Number));
  const vertices = edges.reduce((max, [source, target]) => Math.max(max, source, target), -1) + 1;
  const degree = new Int32Array(vertices + 1);
  const present = new Uint8Array(vertices);
  for (const [source, target] of edges) {
    degree[source]++;
    if (undirected) degree[target]++;
    present[source] = 1;
    present[target] = 1;
  }
  const offsets = new Int32Array(vertices + 1);
  for (let v = 0; v < vertices; v++) offsets[v + 1] = offsets[v] + degree[v];
  const fill = offsets.slice(0, vertices);
  const targets = new Int32Array(offsets[vertices]);
  for (const [source, target] of edges) {
    targets[fill[source]++] = target;
    if (undirected) targets[fill[target]++] = source;
  }
  return { vertices, offsets, targets, present };
}
