/**
 * A Column of another DataFrame (`a.select(b.col('v'))`, `a.filter(b.col('id').gt(0))`) names an
 * attribute that nothing below the operator produces. Spark's CheckAnalysis refuses it with
 * MISSING_ATTRIBUTES (`Resolved attribute(s) "v" missing from "id", "v" in operator !Project
 * [v#3]. ...`); Flint built the DataFrame and failed when it ran, with an internal error.
 * A column of the same lineage read above the projection that dropped it (`select('name')
 * .orderBy(df.col('age'))`) is no such column: the analyzer keeps it (missing-references.ts).
 */
import { collect, type Attr } from '../expr/expression.js';
import { planChildren, type LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';
import { expressionsOf } from '../plan/references.js';
import { nodeText } from '../plan/tree-string.js';
import { AnalysisException } from './analysis-error.js';
import { idsProducedIn } from './missing-references.js';

/** Throws for a column of `plan`'s own operator (as the user built it) that its inputs never produce; `analyzed` is its analysis. */
export function checkForeignColumns(plan: LogicalPlan, analyzed: LogicalPlan): void {
  // Only the DataFrame API puts attributes (Columns of DataFrames) in an operator it builds; its children are analyzed.
  const given = expressionsOf(plan).flatMap((e) => collect(e, (x): x is Attr => x.kind === 'attr'));
  if (given.length === 0) return;
  const children = planChildren(plan);
  const direct = new Set(children.flatMap((c) => outputOf(c).map((a) => a.id)));
  const unseen = given.filter((a) => !direct.has(a.id));
  if (unseen.length === 0) return;
  const produced = idsProducedIn(children);
  const missing = [...new Map(unseen.filter((a) => !produced.has(a.id)).map((a) => [a.id, a])).values()];
  if (missing.length === 0) return;
  const input = children.flatMap((c) => outputOf(c));
  const quoted = (attrs: readonly Attr[]) => attrs.map((a) => `"${a.name}"`).join(', ');
  const sameName = missing.filter((m) => input.some((a) => a.name.toLowerCase() === m.name.toLowerCase()));
  const head = `Resolved attribute(s) ${quoted(missing)} missing from ${quoted(input)} in operator !${nodeText(analyzed)}.`;
  if (sameName.length === 0) throw new AnalysisException('MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE', `${head} SQLSTATE: XX000`);
  throw new AnalysisException(
    'MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION',
    `${head} Attribute(s) with the same name appear in the operation: ${quoted(sameName)}. Please check if the right attribute(s) are used. SQLSTATE: XX000`,
  );
}
