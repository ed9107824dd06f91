/**
 * The stages a physical plan runs as, for explain('extended'): the plan cut at its exchanges (a
 * shuffle, or a broadcast collected before the join that uses it) and below operators that
 * shuffle their own inputs (windows, INTERSECT, EXCEPT). Stages are numbered in the order they
 * run; each lists its operators bottom-up and the stages it reads.
 */
import type { PhysicalNode } from './physical-description.js';

interface StageText {
  readonly id: number;
  readonly kind: string;
  readonly operators: string[];
  readonly reads: number[];
}

const isBoundary = (node: PhysicalNode) => node.name === 'Exchange' || node.name === 'BroadcastExchange';

export function stagesString(root: PhysicalNode): string {
  const stages: StageText[] = [];
  const run = (top: PhysicalNode, kind: string): number => {
    const stage = { operators: [] as string[], reads: [] as number[] };
    const visit = (node: PhysicalNode): void => {
      for (const child of node.children) {
        if (isBoundary(child)) {
          const kindOf = child.name === 'BroadcastExchange' ? 'broadcast' : `shuffle map, ${child.args.trim()}`;
          stage.reads.push(run(child.children[0], kindOf));
        } else if (node.exchange) {
          stage.reads.push(run(child, `shuffle map, for ${node.name}`));
        } else {
          visit(child);
        }
      }
      stage.operators.push(node.name);
    };
    visit(top);
    const id = stages.length + 1;
    stages.push({ id, kind, ...stage });
    return id;
  };
  run(root, 'result');
  return stages
    .map((s) => `Stage ${s.id} (${s.kind}): ${s.operators.join(' -> ')}${s.reads.length ? `; reads stage ${s.reads.join(', ')}` : ''}`)
    .join('\n');
}
