/** PageRank in one process over adjacency arrays, the same update as the Flint example. */
import { loadAdjacency } from './graph.js';
import { timedIterations } from './timed-iterations.js';

export function pageRankByHand(input: string, iterations: number, damping = 0.85): number[] {
  const load = () => {
    const graph = loadAdjacency(input, false);
    return { graph, ranks: new Float64Array(graph.vertices).fill(1) };
  };
  return timedIterations(load, iterations, (state) => {
    const { vertices, offsets, targets } = state.graph;
    const received = new Float64Array(vertices);
    for (let page = 0; page < vertices; page++) {
      const degree = offsets[page + 1] - offsets[page];
      for (let edge = offsets[page]; edge < offsets[page + 1]; edge++) received[targets[edge]] += state.ranks[page] / degree;
    }
    for (let page = 0; page < vertices; page++) received[page] = 1 - damping + damping * received[page];
    state.ranks = received;
  });
}
