/** Connected components by label propagation in one process, iterating until nothing changes. */
import { loadAdjacency } from './graph.js';
import { timedIterations } from './timed-iterations.js';

/** Iterations stop early once one changes no label, as the Flint example's loop does. */
export function connectedComponentsByHand(input: string, maxIterations: number): number[] {
  const load = () => {
    const graph = loadAdjacency(input, true);
    return { graph, labels: Int32Array.from({ length: graph.vertices }, (_, v) => v) };
  };
  return timedIterations(load, maxIterations, (state) => {
    const { vertices, offsets, targets } = state.graph;
    const next = state.labels.slice();
    let changed = 0;
    for (let v = 0; v < vertices; v++) {
      let label = state.labels[v];
      for (let edge = offsets[v]; edge < offsets[v + 1]; edge++) label = Math.min(label, state.labels[targets[edge]]);
      if (label < state.labels[v]) changed++;
      next[v] = label;
    }
    state.labels = next;
    return changed === 0;
  });
}
