/**
 * explain('formatted'), in Spark's layout: the plan outline with each operator numbered (children
 * first, left to right; `*` marks an operator that runs inside a generated stage function), then
 * each operator's details under `(n) Name [codegen id : k]`, where k numbers the generated
 * functions (operators joined without a shuffle share one).
 */
import type { PhysicalNode } from './physical-description.js';
import { treeLines } from './explain-physical.js';

interface Numbered {
  readonly id: number;
  readonly codegenId: number | undefined;
}

function numberOperators(root: PhysicalNode): Map<PhysicalNode, Numbered> {
  const numbers = new Map<PhysicalNode, Numbered>();
  let nextId = 0;
  let nextCodegenId = 0;
  const visit = (node: PhysicalNode): void => {
    node.children.forEach(visit);
    let codegenId: number | undefined;
    if (node.generated) {
      // A generated operator joins the function of a generated child it reads without a shuffle.
      const fused = node.exchange ? [] : node.children.filter((c) => c.generated).map((c) => numbers.get(c)!.codegenId!);
      codegenId = fused.length > 0 ? Math.min(...fused) : ++nextCodegenId;
    }
    numbers.set(node, { id: ++nextId, codegenId });
  };
  visit(root);
  return numbers;
}

export function formattedPlanString(root: PhysicalNode): string {
  const numbers = numberOperators(root);
  const outline = treeLines(root, (node) => `${node.generated ? '* ' : ''}${node.outline ?? node.name} (${numbers.get(node)!.id})`);
  const details = [...numbers.entries()]
    .sort((a, b) => a[1].id - b[1].id)
    .map(([node, { id, codegenId }]) => {
      const header = `(${id}) ${node.name}${codegenId === undefined ? '' : ` [codegen id : ${codegenId}]`}`;
      return [header, ...node.details].join('\n');
    });
  return `${outline.join('\n')}\n\n\n${details.join('\n\n')}\n`;
}
