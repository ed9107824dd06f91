/**
 * Logical plans as Spark prints them in explain(): one operator per line, children indented
 * under `+- ` / `:- `, attributes with their ids (`age#3L`).
 */
import { planString } from '../expr/names.js';
import { binaryOf, unaryOf } from '../expr/expression.js';
import { doubleToJavaString as javaDouble } from '../format/java-number.js';
import { outputOf } from './output.js';
import { planChildren, type LogicalPlan } from './logical-plan.js';

/** Spark's names of the join types (Inner, LeftAnti, ...), as its plans print them. */
export const JOIN_NAMES: Record<string, string> = {
  inner: 'Inner',
  cross: 'Cross',
  left: 'LeftOuter',
  right: 'RightOuter',
  full: 'FullOuter',
  left_semi: 'LeftSemi',
  left_anti: 'LeftAnti',
};

/** A join's type as Spark prints it: an existence join names its column, `ExistenceJoin(exists#12)`. */
export const joinName = (p: Extract<LogicalPlan, { kind: 'join' }>): string =>
  p.joinType === 'existence' ? `ExistenceJoin(${planString(p.exists!)})` : JOIN_NAMES[p.joinType];

const list = (exprs: readonly Parameters<typeof planString>[0][]) => `[${exprs.map(planString).join(', ')}]`;

export function nodeText(p: LogicalPlan): string {
  switch (p.kind) {
    case 'relation':
      // Spark's LogicalRelation lists its columns without spaces.
      return p.source.format === undefined ? `${p.source.description} ${list(p.output)}` : `Relation [${p.output.map(planString).join(',')}] ${p.source.format}`;
    case 'unresolvedRelation':
      return `'UnresolvedRelation [${p.name}]`;
    case 'project':
      return `Project ${list(p.exprs)}`;
    case 'filter':
      return `Filter ${planString(p.condition)}`;
    case 'aggregate':
      return p.groupingSets
        ? `Aggregate [GROUPING SETS (${p.groupingSets.map((set) => `(${set.map((i) => planString(p.groupBy[i]!)).join(', ')})`).join(', ')})], ${list(p.aggregates)}`
        : `Aggregate ${list(p.groupBy)}, ${list(p.aggregates)}`;
    case 'join': {
      const hints = (['left', 'right'] as const).filter((side) => p.hints?.[side]).map((side) => `, ${side}Hint=(strategy=${p.hints![side]})`);
      // A null-aware anti join (x NOT IN (subquery)) joins on x = y; Spark's plan spells out the null handling.
      const condition = p.condition && p.nullAware ? binaryOf('OR', p.condition, unaryOf('IS NULL', p.condition)) : p.condition;
      return `Join ${joinName(p)}${condition ? `, ${planString(condition)}` : ''}${hints.join('')}`;
    }
    case 'hint':
      return `ResolvedHint (strategy=${p.strategy})`;
    case 'collectMetrics':
      return `CollectMetrics ${p.name}, ${list(p.metrics)}`;
    case 'sort':
      return `Sort ${list(p.orders)}, ${p.global}`;
    case 'limit':
      return limitNodes(p).join('\n');
    case 'distinct':
      return 'Distinct';
    case 'setOp':
      return `${p.op === 'union' ? 'Union' : p.op === 'intersect' ? 'Intersect' : 'Except'}${p.all ? ' All' : ''}${p.op === 'union' ? ' false, false' : ''}`;
    case 'window':
      return `Window ${list(p.windowExprs)}`;
    case 'sample':
      return `Sample ${javaDouble(p.lowerBound)}, ${javaDouble(p.upperBound)}, ${p.withReplacement}, ${p.seed}`;
    case 'repartition':
      if (p.range) return `RepartitionByExpression ${list(p.partitionExprs)}, ${p.numPartitions ?? 'default'}`;
      return `Repartition ${p.numPartitions ?? 'default'}, ${p.shuffle}`;
    case 'subqueryAlias':
      return `SubqueryAlias ${p.alias}`;
    case 'generate':
      return `Generate ${planString(p.generator)}, ${p.outer}, ${list(p.output)}`;
    case 'cached':
      return `InMemoryRelation ${list(outputOf(p.child))}, StorageLevel(${p.cache.level.name})`;
  }
}

/** A limit as Spark's operators, each over the next (see the `form` of a limit node). */
function limitNodes(p: Extract<LogicalPlan, { kind: 'limit' }>): string[] {
  const offset = `Offset ${p.offset}`;
  if (!Number.isFinite(p.n)) return [offset];
  const limit = (n: number) => [`GlobalLimit ${n}`, `LocalLimit ${n}`];
  if (p.offset === 0) return limit(p.n);
  const taken = p.n + p.offset;
  if (p.form === 'pushed') return [`GlobalLimit ${p.n}`, offset, `LocalLimit ${taken}`];
  return p.form === 'offsetOverLimit' ? [offset, ...limit(taken)] : [...limit(p.n), offset];
}

/** The plan, one operator a line; `annotate` adds text after an operator (explain('cost') adds its statistics). */
export function planTreeString(p: LogicalPlan, annotate: (node: LogicalPlan) => string = () => ''): string {
  const lines: string[] = [];
  const visit = (node: LogicalPlan, prefix: string, childPrefix: string) => {
    // One node may print as a chain of Spark's operators (a limit with an offset), each under the one before.
    const [first, ...chained] = nodeText(node).split('\n');
    lines.push(prefix + first + annotate(node));
    for (const text of chained) {
      lines.push(`${childPrefix}+- ${text}`);
      childPrefix += '   ';
    }
    const kids = planChildren(node);
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      visit(k, `${childPrefix}${last ? '+- ' : ':- '}`, `${childPrefix}${last ? '   ' : ':  '}`);
    });
  };
  visit(p, '', '');
  return lines.join('\n');
}
