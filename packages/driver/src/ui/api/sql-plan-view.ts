/**
 * A SQL job's physical plan as the JSON API shows it (Spark's SQL tab): each operator with its
 * metrics, here the "number of output rows" summed over the tasks that counted them. An operator
 * whose rows no task has reported yet (not counted, or not run yet) has no metric.
 */
import type { SqlPlanNode } from '@flint/rdd';
import type { AppStatusStore } from '../status/app-status-store.js';

export const OUTPUT_ROWS_METRIC = 'number of output rows';

export interface SqlPlanView {
  nodeName: string;
  args: string;
  metrics: { name: string; value: number }[];
  children: SqlPlanView[];
}

export function sqlPlanView(store: AppStatusStore, node: SqlPlanNode): SqlPlanView {
  const rows = node.rowsMetric === undefined ? undefined : store.sqlRowCounts.get(node.rowsMetric);
  return {
    nodeName: node.name,
    args: node.args,
    metrics: rows === undefined ? [] : [{ name: OUTPUT_ROWS_METRIC, value: rows }],
    children: node.children.map((child) => sqlPlanView(store, child)),
  };
}
