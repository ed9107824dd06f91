import { readEdges } from '../iterative/edge-list.js';

export interface ComponentsSequential {
  labels: Map<number, number>;
  changed: number[];
}

/** The sequential label propagation that the Flint job is checked against, iteration by iteration. */
export function connectedComponentsSequential(input: string): ComponentsSequential {
  const neighbours = new Map<number, number[]>();
  const link = (from: number, to: number) => {
    const adjacent = neighbours.get(from);
    if (adjacent === undefined) neighbours.set(from, [to]);
    else adjacent.push(to);
  };
  for (const [source, target] of readEdges(input)) {
    link(source, target);
    link(target, source);
  }
  let labels = new Map<number, number>([...neighbours.keys()].map((vertex) => [vertex, vertex]));
  const labelOf = (vertex: number) => labels.get(vertex) as number; // every vertex has one
  const changed: number[] = [];
  do {
    const next = new Map<number, number>();
    let changes = 0;
    for (const [vertex, adjacent] of neighbours) {
      const own = labelOf(vertex);
      let label = own;
      for (const neighbour of adjacent) label = Math.min(label, labelOf(neighbour));
      if (label < own) changes++;
      next.set(vertex, label);
    }
    labels = next;
    changed.push(changes);
  } while (changed[changed.length - 1] > 0);
  return { labels, changed };
}
