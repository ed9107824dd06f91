/**
 * The physical plan as data, in Spark's vocabulary: what the planner (planner.ts) will run for an
 * optimized logical plan — scans, fused projections and filters, hash aggregates around an
 * Exchange, broadcast and shuffled hash joins, range-partitioned sorts, TakeOrderedAndProject for
 * top-n. Each node has its one-line form (explain's simple mode) and the details that
 * explain('formatted') lists under its number. The renderers are explain-physical.ts and
 * explain-formatted.ts.
 */
import { planString } from '../expr/names.js';
import { doubleToJavaString } from '../format/java-number.js';
import { joinName } from '../plan/tree-string.js';
import { collect, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { equiJoinKeys } from './join.js';
import { chooseJoin, shuffledBuildSide } from './join-selection.js';
import { scanColumns, scanOutput } from './scan-columns.js';
import { takeOrderedParts } from './sort.js';

export interface PhysicalNode {
  /** The operator, as Spark names it: `HashAggregate`, `Exchange`, `Scan LocalRelation`. */
  readonly name: string;
  /** The rest of its one-line form: `(keys=[a#1], functions=[sum(b#2)])`, ` hashpartitioning(a#1, 4)`. */
  readonly args: string;
  /** Lines explain('formatted') prints under the operator's number: `Input [2]: [a#1, b#2]`. */
  readonly details: readonly string[];
  /** Runs inside a generated stage function (Spark's whole-stage codegen `*`), not as a boundary or a source. */
  readonly generated: boolean;
  /** A shuffle (or broadcast) that ends the stages below it. */
  readonly exchange: boolean;
  readonly children: readonly PhysicalNode[];
  /** Its line in explain('formatted')'s outline, when more than its name (a join adds its type and build side). */
  readonly outline?: string;
  /** The accumulator id of its "number of output rows" metric, when the planner counts them (row-counter.ts). */
  readonly rowsMetric?: number;
}

const list = (exprs: readonly Expr[]) => `[${exprs.map(planString).join(', ')}]`;

/** `Input [2]: [a#1, b#2]`, or `Keys: []` when empty, as Spark's formatted explain prints lists. */
export function listField(label: string, exprs: readonly Expr[]): string {
  return exprs.length === 0 ? `${label}: []` : `${label} [${exprs.length}]: ${list(exprs)}`;
}

interface Parts {
  readonly outline?: string;
  readonly args?: string;
  readonly details?: readonly string[];
  readonly generated?: boolean;
  readonly exchange?: boolean;
}

const op = (name: string, parts: Parts, ...children: PhysicalNode[]): PhysicalNode => ({
  name,
  args: parts.args ?? '',
  details: parts.details ?? [],
  generated: parts.generated ?? true,
  exchange: parts.exchange ?? false,
  children,
  ...(parts.outline === undefined ? {} : { outline: parts.outline }),
});

const inputOf = (p: LogicalPlan) => listField('Input', outputOf(p));

function exchange(partitioning: string, child: LogicalPlan, below: PhysicalNode): PhysicalNode {
  return op('Exchange', { args: ` ${partitioning}`, details: [inputOf(child), `Arguments: ${partitioning}`], generated: false, exchange: true }, below);
}

/** The aggregate function calls of an aggregation's output expressions, each once. */
function aggregateCalls(aggregates: readonly Expr[]): Expr[] {
  const calls = new Map<string, Expr>();
  for (const a of aggregates) {
    for (const call of collect(a, (e): e is Extract<Expr, { kind: 'call' }> => e.kind === 'call' && lookupFunction(e.name)?.type === 'aggregate')) {
      calls.set(planString(call), call);
    }
  }
  return [...calls.values()];
}

function hashAggregate(groupBy: readonly Expr[], aggregates: readonly Expr[], child: LogicalPlan, n: number, below: PhysicalNode): PhysicalNode {
  const calls = aggregateCalls(aggregates).map(planString);
  const partialCalls = calls.map((c) => `partial_${c}`);
  const functions = (names: string[]) => (names.length === 0 ? 'Functions: []' : `Functions [${names.length}]: [${names.join(', ')}]`);
  const partial = op('HashAggregate', {
    args: `(keys=${list(groupBy)}, functions=[${partialCalls.join(', ')}])`,
    details: [inputOf(child), listField('Keys', groupBy), functions(partialCalls)],
  }, below);
  const partitioning = groupBy.length === 0 ? 'SinglePartition' : `hashpartitioning(${groupBy.map(planString).join(', ')}, ${n})`;
  return op('HashAggregate', {
    args: `(keys=${list(groupBy)}, functions=[${calls.join(', ')}])`,
    details: [listField('Keys', groupBy), functions(calls), listField('Results', aggregates)],
  }, exchange(partitioning, child, partial));
}

type ScanColumns = ReadonlyMap<LogicalPlan, readonly number[]>;

/**
 * `rowsMetrics`: the planner's row-counter ids by logical operator, put on the operators described
 * from them; `scans`: the columns each scan reads, as the planner computes them for the whole plan.
 */
export function describePhysical(p: LogicalPlan, n: number, threshold: number, rowsMetrics?: ReadonlyMap<LogicalPlan, number>, scans: ScanColumns = scanColumns(p)): PhysicalNode {
  if (p.kind !== 'limit' || takeOrderedParts(p) !== undefined) return describeNode(p, n, threshold, rowsMetrics, scans);
  // Spark plans the limit that returns the answer as CollectLimitExec(limit + offset, offset),
  // which gathers the partitions itself: no exchange or local limit under it in the plan.
  const limit = Number.isFinite(p.n) ? p.n + p.offset : -1;
  const args = p.offset > 0 ? `${limit}, ${p.offset}` : `${limit}`;
  const node = op('CollectLimit', { args: ` ${args}`, details: [inputOf(p.child), `Arguments: ${args}`], generated: false }, describeNode(p.child, n, threshold, rowsMetrics, scans));
  return withRowsMetric(node, rowsMetrics?.get(p));
}

function describeNode(p: LogicalPlan, n: number, threshold: number, rowsMetrics: ReadonlyMap<LogicalPlan, number> | undefined, scans: ScanColumns): PhysicalNode {
  return withRowsMetric(describeOperator(p, n, threshold, scans, rowsMetrics), rowsMetrics?.get(p));
}

const withRowsMetric = (node: PhysicalNode, rowsMetric: number | undefined): PhysicalNode => (rowsMetric === undefined ? node : { ...node, rowsMetric });

function describeOperator(p: LogicalPlan, n: number, threshold: number, scans: ScanColumns, rowsMetrics?: ReadonlyMap<LogicalPlan, number>): PhysicalNode {
  const describe = (x: LogicalPlan): PhysicalNode => describeNode(x, n, threshold, rowsMetrics, scans);
  // A scan outputs only the columns it reads; the filters and projection over it list those as input.
  const scanned = (x: LogicalPlan): readonly Expr[] => (x.kind === 'relation' ? scanOutput(x, scans) : x.kind === 'filter' ? scanned(x.child) : outputOf(x));
  const scanInput = (x: LogicalPlan) => listField('Input', scanned(x));
  switch (p.kind) {
    case 'relation': {
      // A file source's description already says `Scan csv <path>`; a local relation's is `LocalRelation`.
      const output = scanOutput(p, scans);
      // A file scan also names the schema it reads, as Spark's FileSourceScanExec does.
      const readSchema = p.source.inputFiles === undefined ? [] : [`ReadSchema: struct<${output.map((a) => `${a.name}:${a.dataType.simpleString()}`).join(',')}>`];
      const name = p.source.physicalName ?? (p.source.description.startsWith('Scan ') ? p.source.description : `Scan ${p.source.description}`);
      return op(name, { args: ` ${list(output)}`, details: [listField('Output', output), ...readSchema], generated: false });
    }
    case 'project':
      return op('Project', { args: ` ${list(p.exprs)}`, details: [listField('Output', p.exprs), scanInput(p.child)] }, describe(p.child));
    case 'filter':
      return op('Filter', { args: ` ${planString(p.condition)}`, details: [scanInput(p.child), `Condition : ${planString(p.condition)}`] }, describe(p.child));
    case 'subqueryAlias':
    case 'hint':
      return describe(p.child);
    case 'collectMetrics':
      return op('CollectMetrics', { args: ` ${p.name}, ${list(p.metrics)}`, details: [inputOf(p.child)], generated: false }, describe(p.child));
    case 'aggregate':
      return hashAggregate(p.groupBy, p.aggregates, p.child, n, describe(p.child));
    case 'distinct':
      return hashAggregate(outputOf(p.child), outputOf(p.child), p.child, n, describe(p.child));
    case 'join':
      return describeJoin(p, n, threshold, describe);
    case 'sort': {
      const args = `${list(p.orders)}, ${p.global}`;
      const sort = (below: PhysicalNode) => op('Sort', { args: ` ${args}`, details: [inputOf(p.child), `Arguments: ${args}`] }, below);
      if (!p.global) return sort(describe(p.child));
      return sort(exchange(`rangepartitioning(${p.orders.map(planString).join(', ')}, ${n})`, p.child, describe(p.child)));
    }
    case 'limit': {
      const topN = takeOrderedParts(p);
      if (topN !== undefined) {
        // Spark's simpleString joins orderBy and output with a bare comma; Arguments lists the project list.
        const bare = (exprs: readonly Expr[]) => `[${exprs.map(planString).join(',')}]`;
        const offset = p.offset > 0 ? ` offset=${p.offset},` : '';
        const args = `limit=${topN.limit},${offset} orderBy=${bare(topN.sort.orders)}, output=${bare(outputOf(p))}`;
        const projectList = topN.project?.exprs ?? outputOf(p);
        const offsetArg = p.offset > 0 ? `, ${p.offset}` : '';
        const details = [inputOf(topN.sort.child), `Arguments: ${topN.limit}, ${list(topN.sort.orders)}, ${list(projectList)}${offsetArg}`];
        return op('TakeOrderedAndProject', { args: `(${args})`, details }, describe(topN.sort.child));
      }
      // Spark's GlobalLimitExec: limit -1 for an offset alone, which has no LocalLimit below it.
      const limited = Number.isFinite(p.n);
      const global = `${limited ? p.n : -1}${p.offset ? `, ${p.offset}` : ''}`;
      const take = p.n + p.offset;
      const below = limited ? op('LocalLimit', { args: ` ${take}`, details: [inputOf(p.child), `Arguments: ${take}`] }, describe(p.child)) : describe(p.child);
      return op('GlobalLimit', { args: ` ${global}`, details: [inputOf(p.child), `Arguments: ${global}`] }, exchange('SinglePartition', p.child, below));
    }
    case 'setOp': {
      if (p.op === 'union') return op('Union', { generated: false }, describe(p.left), describe(p.right));
      const name = `${p.op === 'intersect' ? 'Intersect' : 'Except'}${p.all ? 'All' : ''}`;
      return op(name, { args: ` (hash, ${n} partitions)`, details: [listField('Left output', outputOf(p.left)), listField('Right output', outputOf(p.right))], exchange: true }, describe(p.left), describe(p.right));
    }
    case 'window':
      return op('Window', { args: ` ${list(p.windowExprs)}`, details: [inputOf(p.child), `Arguments: ${list(p.windowExprs)}`], exchange: true }, describe(p.child));
    case 'sample': {
      const args = `${doubleToJavaString(p.lowerBound)}, ${doubleToJavaString(p.upperBound)}, ${p.withReplacement}, ${p.seed}`;
      return op('Sample', { args: ` ${args}`, details: [inputOf(p.child), `Arguments: ${args}`] }, describe(p.child));
    }
    case 'repartition': {
      if (p.range) return exchange(`rangepartitioning(${p.partitionExprs.map(planString).join(', ')}, ${p.numPartitions ?? n})`, p.child, describe(p.child));
      if (!p.shuffle) return op('Coalesce', { args: ` ${p.numPartitions}`, details: [inputOf(p.child), `Arguments: ${p.numPartitions}`], generated: false }, describe(p.child));
      if (p.partitionExprs.length > 0) return exchange(`hashpartitioning(${p.partitionExprs.map(planString).join(', ')}, ${p.numPartitions ?? n})`, p.child, describe(p.child));
      return exchange(`RoundRobinPartitioning(${p.numPartitions ?? n})`, p.child, describe(p.child));
    }
    case 'cached':
      return op('InMemoryTableScan', { args: ` ${list(outputOf(p))}`, details: [listField('Output', outputOf(p))], generated: false }, describe(p.child));
    case 'generate':
      return op('Generate', { args: ` ${planString(p.generator)}`, details: [inputOf(p.child), `Arguments: ${planString(p.generator)}, ${p.outer}, ${list(p.output)}`] }, describe(p.child));
    case 'unresolvedRelation':
      return op(`'UnresolvedRelation ${p.name}`, { generated: false });
  }
}

function describeJoin(p: Extract<LogicalPlan, { kind: 'join' }>, n: number, threshold: number, describe: (x: LogicalPlan) => PhysicalNode): PhysicalNode {
  const keys = equiJoinKeys(p.condition, outputOf(p.left), outputOf(p.right));
  const residual = keys.residual ? `, ${planString(keys.residual)}` : '';
  const strategy = chooseJoin(p, threshold);
  const build = strategy.kind === 'broadcast' ? strategy.build : shuffledBuildSide(p);
  const buildSide = build === 'left' ? 'BuildLeft' : 'BuildRight';
  // Spark's BaseJoinExec: keys (when there are), join type and condition; the outline names the
  // join type, and a hash or broadcast nested loop join its build side.
  const joinDetails = (condition: Expr | undefined) => [
    ...(keys.leftKeys.length > 0 ? [listField('Left keys', keys.leftKeys), listField('Right keys', keys.rightKeys)] : []),
    `Join type: ${joinName(p)}`,
    `Join condition: ${condition ? planString(condition) : 'None'}`,
  ];
  const details = joinDetails(keys.residual);
  const withBuildSide = (name: string) => `${name} ${joinName(p)} ${buildSide}`;
  const args = ` ${list(keys.leftKeys)}, ${list(keys.rightKeys)}, ${joinName(p)}, ${buildSide}${residual}`;
  const broadcast = (side: LogicalPlan) => op('BroadcastExchange', { details: [inputOf(side)], generated: false, exchange: true }, describe(side));
  if (strategy.kind === 'cartesian') {
    // Spark's CartesianProductExec: its condition, if any, as its argument; no exchange below it; an Inner join.
    const condition = p.condition ? planString(p.condition) : undefined;
    const cartesianDetails = ['Join type: Inner', `Join condition: ${condition ?? 'None'}`];
    return op('CartesianProduct', { outline: 'CartesianProduct Inner', args: condition ? ` ${condition}` : '', details: cartesianDetails, generated: false }, describe(p.left), describe(p.right));
  }
  if (strategy.kind === 'broadcast' && keys.leftKeys.length === 0) {
    // Spark's BroadcastNestedLoopJoinExec: no keys, the condition tested on every pair.
    const nestedArgs = ` ${buildSide}, ${joinName(p)}${p.condition ? `, ${planString(p.condition)}` : ''}`;
    return op('BroadcastNestedLoopJoin', { outline: withBuildSide('BroadcastNestedLoopJoin'), args: nestedArgs, details: joinDetails(p.condition) },
      build === 'left' ? broadcast(p.left) : describe(p.left),
      build === 'right' ? broadcast(p.right) : describe(p.right));
  }
  if (strategy.kind === 'broadcast') {
    // Spark's BroadcastHashJoinExec prints its isNullAwareAntiJoin flag last (true: x NOT IN (subquery)).
    const broadcastArgs = `${args}, ${p.nullAware === true}`;
    return op('BroadcastHashJoin', { outline: withBuildSide('BroadcastHashJoin'), args: broadcastArgs, details },
      build === 'left' ? broadcast(p.left) : describe(p.left),
      build === 'right' ? broadcast(p.right) : describe(p.right));
  }
  const side = (plan: LogicalPlan, k: readonly Expr[]) =>
    exchange(k.length === 0 ? 'SinglePartition' : `hashpartitioning(${k.map(planString).join(', ')}, ${n})`, plan, describe(plan));
  return op('ShuffledHashJoin', { outline: withBuildSide('ShuffledHashJoin'), args, details }, side(p.left, keys.leftKeys), side(p.right, keys.rightKeys));
}
