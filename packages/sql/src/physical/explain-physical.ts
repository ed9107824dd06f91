/**
 * The physical plan as explain() prints it in its simple mode: one operator per line, children
 * indented under `+- ` / `:- `, as Spark's treeString. The nodes come from physical-description.ts.
 */
import type { LogicalPlan } from '../plan/logical-plan.js';
import { describePhysical, type PhysicalNode } from './physical-description.js';

/** Lines of a tree, each node's text given by `text`, children under `+- ` and `:- ` as Spark indents them. */
export function treeLines(root: PhysicalNode, text: (node: PhysicalNode) => string): string[] {
  const lines: string[] = [];
  const visit = (x: PhysicalNode, prefix: string, childPrefix: string) => {
    lines.push(prefix + text(x));
    x.children.forEach((c, i) => {
      const last = i === x.children.length - 1;
      visit(c, `${childPrefix}${last ? '+- ' : ':- '}`, `${childPrefix}${last ? '   ' : ':  '}`);
    });
  };
  visit(root, '', '');
  return lines;
}

export function physicalPlanString(p: LogicalPlan, shufflePartitions: number, broadcastThreshold: number): string {
  return physicalTreeString(describePhysical(p, shufflePartitions, broadcastThreshold));
}

/** A described physical plan as explain() prints it. */
export function physicalTreeString(root: PhysicalNode): string {
  return treeLines(root, (node) => node.name + node.args).join('\n');
}
