/**
 * explain(): the plans of a DataFrame as Spark's `explain(mode)` prints them — `simple` (the
 * physical plan), `extended` (parsed, analyzed, optimized and physical plans, then the stages),
 * `formatted` (the numbered outline and each operator's details), `cost` (the optimized plan
 * with size estimates) and `codegen` (the generated stage functions).
 */
import { optimize } from '../optimizer/optimizer.js';
import { planTreeString } from '../plan/tree-string.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { treeLines } from '../physical/explain-physical.js';
import { describePhysical } from '../physical/physical-description.js';
import { formattedPlanString } from '../physical/explain-formatted.js';
import { stagesString } from '../physical/explain-stages.js';
import { estimatedSize } from '../physical/join-selection.js';
import { generatedCodeString } from './explain-codegen.js';
import type { DataFrame } from './dataframe.js';

const MODES = ['simple', 'extended', 'codegen', 'cost', 'formatted'];

export function explainText(df: DataFrame, mode: string): string {
  const m = mode.toLowerCase();
  if (!MODES.includes(m)) {
    throw new Error(`Unknown explain mode: ${mode}. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.`);
  }
  const optimized = optimize(df.plan, () => df.session.timeZone, df.session.ansiEnabled);
  const physical = describePhysical(optimized, df.session.shufflePartitions, df.session.broadcastThreshold);
  const physicalText = treeLines(physical, (node) => node.name + node.args).join('\n');
  switch (m) {
    case 'simple':
      return `== Physical Plan ==\n${physicalText}\n`;
    case 'formatted':
      return `== Physical Plan ==\n${formattedPlanString(physical)}`;
    case 'codegen':
      return `== Physical Plan ==\n${physicalText}\n\n${generatedCodeString(df, optimized)}`;
    case 'cost':
      return `== Optimized Logical Plan ==\n${planTreeString(optimized, statistics)}\n\n== Physical Plan ==\n${physicalText}\n`;
    default:
      return [
        '== Parsed Logical Plan ==',
        planTreeString(df.parsedPlan ?? df.plan),
        '',
        '== Analyzed Logical Plan ==',
        df.dtypes.map(([n, t]) => `${n}: ${t}`).join(', '),
        planTreeString(df.plan),
        '',
        '== Optimized Logical Plan ==',
        planTreeString(optimized),
        '',
        '== Physical Plan ==',
        physicalText,
        '',
        '== Stages ==',
        stagesString(physical),
        '',
      ].join('\n');
  }
}

/** `, Statistics(sizeInBytes=1.5 KiB)`: the planner's size estimate, as explain('cost') shows it. */
function statistics(p: LogicalPlan): string {
  const size = estimatedSize(p);
  return `, Statistics(sizeInBytes=${size === undefined ? 'unknown' : bytesToString(size)})`;
}

/** Spark's Utils.bytesToString: the largest unit of which the size is at least two, one decimal. */
function bytesToString(bytes: number): string {
  const units = ['EiB', 'PiB', 'TiB', 'GiB', 'MiB', 'KiB'];
  for (const [i, unit] of units.entries()) {
    const size = 1024 ** (units.length - i);
    if (bytes >= 2 * size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes.toFixed(1)} B`;
}
