/**
 * explain(): the plans of a DataFrame as Spark's `explain(mode)` prints them — `simple` (the
 * physical plan), `extended` (parsed, analyzed, optimized and physical), `formatted`, `codegen`,
 * `cost` (treated as extended).
 */
import { optimize } from '../optimizer/optimizer.js';
import { planTreeString } from '../plan/tree-string.js';
import { physicalPlanString } from '../physical/explain-physical.js';
import type { DataFrame } from './dataframe.js';

const MODES = ['simple', 'extended', 'codegen', 'cost', 'formatted'];

export function explainText(df: DataFrame, mode: string): string {
  const m = mode.toLowerCase();
  if (!MODES.includes(m)) {
    throw new Error(`Unknown explain mode: ${mode}. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.`);
  }
  const optimized = optimize(df.plan);
  const physical = physicalPlanString(optimized, df.session.shufflePartitions, df.session.broadcastThreshold);
  if (m === 'simple') return `== Physical Plan ==\n${physical}\n`;
  if (m === 'formatted' || m === 'codegen') return `== Physical Plan ==\n${physical}\n`;
  const analyzed = planTreeString(df.plan);
  return [
    '== Parsed Logical Plan ==',
    analyzed,
    '',
    '== Analyzed Logical Plan ==',
    df.dtypes.map(([n, t]) => `${n}: ${t}`).join(', '),
    analyzed,
    '',
    '== Optimized Logical Plan ==',
    planTreeString(optimized),
    '',
    '== Physical Plan ==',
    physical,
    '',
  ].join('\n');
}
