/**
 * explain('codegen'): the JavaScript functions the physical planner generates for a query (one
 * per stage operator chain, shipped to tasks as source text), in the order their stages run,
 * with Spark's `/* 001 *\/` line numbers.
 */
import { lineage, type RDD } from '@flint/rdd';
import { PhysicalPlanner } from '../physical/planner.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import type { DataFrame } from './dataframe.js';

const SITE = 'explain codegen';

export function generatedCodeString(df: DataFrame, optimized: LogicalPlan): string {
  const { shufflePartitions, broadcastThreshold } = df.session;
  const rdd = new PhysicalPlanner(df.session.host, { shufflePartitions, broadcastThreshold, site: SITE }).rows(optimized);
  const sources = generatedSources(rdd);
  const functions = sources.map((source, i) => {
    const numbered = source.split('\n').map((line, n) => `/* ${String(n + 1).padStart(3, '0')} */ ${line}`);
    return `== Function ${i + 1} / ${sources.length} ==\n${numbered.join('\n')}`;
  });
  return [`Found ${sources.length} generated function${sources.length === 1 ? '' : 's'}.`, ...functions].join('\n\n') + '\n';
}

/** The sources of the generated functions in the lineage, parents (earlier stages) first. */
function generatedSources(root: RDD<unknown[]>): string[] {
  return lineage(root).flatMap((rdd) => (rdd.node.kind === 'mapPartitions' && rdd.node.fn.site === SITE ? [rdd.node.fn.source] : []));
}
