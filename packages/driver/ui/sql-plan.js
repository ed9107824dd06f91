// A SQL job's physical plan as a tree (Spark's SQL tab): each operator with its number of output rows, where counted.
import { esc } from './format.js';

function planNode(node) {
  const rows = node.metrics.find((m) => m.name === 'number of output rows');
  const count = rows ? ` <span class="rows" data-rows="${rows.value}">${rows.value.toLocaleString()} rows</span>` : '';
  const children = node.children.length > 0 ? `<ul>${node.children.map(planNode).join('')}</ul>` : '';
  return `<li data-operator="${esc(node.nodeName)}"><span class="op">${esc(node.nodeName)}</span>${count}` +
    `${node.args ? `<br><span class="muted args">${esc(node.args.slice(0, 300))}</span>` : ''}${children}</li>`;
}

export function sqlPlanTree(plan) {
  return `<ul class="sql-plan">${planNode(plan)}</ul>`;
}
