/**
 * The physical plan as text, in Spark's vocabulary: what the planner (planner.ts) will run for an
 * optimized logical plan — scans, fused projections and filters, hash aggregates around an
 * Exchange, shuffled hash joins, range-partitioned sorts, TakeOrderedAndProject for top-n.
 */
import { planString } from '../expr/names.js';
import type { Expr } from '../expr/expression.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { equiJoinKeys } from './join.js';
import { chooseJoin } from './join-selection.js';

interface Node {
  text: string;
  children: Node[];
}

const list = (exprs: readonly Expr[]) => `[${exprs.map(planString).join(', ')}]`;
const node = (text: string, ...children: Node[]): Node => ({ text, children });

function describeNode(p: LogicalPlan, n: number, threshold: number): Node {
  const describe = (x: LogicalPlan, k: number): Node => describeNode(x, k, threshold);
  switch (p.kind) {
    case 'relation':
      return node(`Scan ${p.source.description} ${list(p.output)}`);
    case 'project':
      return node(`Project ${list(p.exprs)}`, describe(p.child, n));
    case 'filter':
      return node(`Filter ${planString(p.condition)}`, describe(p.child, n));
    case 'subqueryAlias':
      return describe(p.child, n);
    case 'aggregate': {
      const exchange = p.groupBy.length === 0 ? 'Exchange SinglePartition' : `Exchange hashpartitioning(${p.groupBy.map(planString).join(', ')}, ${n})`;
      return node(`HashAggregate(keys=${list(p.groupBy)}, functions=${list(p.aggregates)})`, node(exchange, node(`HashAggregate(keys=${list(p.groupBy)}, functions=[partial aggregates])`, describe(p.child, n))));
    }
    case 'distinct': {
      const out = outputOf(p.child);
      return node(`HashAggregate(keys=${list(out)}, functions=[])`, node(`Exchange hashpartitioning(${out.map(planString).join(', ')}, ${n})`, node(`HashAggregate(keys=${list(out)}, functions=[])`, describe(p.child, n))));
    }
    case 'join': {
      const keys = equiJoinKeys(p.condition, outputOf(p.left), outputOf(p.right));
      const strategy = chooseJoin(p, threshold);
      if (strategy.kind === 'broadcast') {
        const residual = keys.residual ? `, ${planString(keys.residual)}` : '';
        const build = (side: LogicalPlan) => node('BroadcastExchange', describe(side, n));
        return node(
          `BroadcastHashJoin ${list(keys.leftKeys)}, ${list(keys.rightKeys)}, ${p.joinType}, Build${strategy.build === 'left' ? 'Left' : 'Right'}${residual}`,
          strategy.build === 'left' ? build(p.left) : describe(p.left, n),
          strategy.build === 'right' ? build(p.right) : describe(p.right, n),
        );
      }
      const parts = keys.leftKeys.length === 0 ? 'SinglePartition' : null;
      const exchange = (k: Expr[]) => `Exchange ${parts ?? `hashpartitioning(${k.map(planString).join(', ')}, ${n})`}`;
      const residual = keys.residual ? `, ${planString(keys.residual)}` : '';
      return node(
        `ShuffledHashJoin ${list(keys.leftKeys)}, ${list(keys.rightKeys)}, ${p.joinType}, BuildRight${residual}`,
        node(exchange(keys.leftKeys), describe(p.left, n)),
        node(exchange(keys.rightKeys), describe(p.right, n)),
      );
    }
    case 'sort':
      return p.global
        ? node(`Sort ${list(p.orders)}, true`, node(`Exchange rangepartitioning(${p.orders.map(planString).join(', ')}, ${n})`, describe(p.child, n)))
        : node(`Sort ${list(p.orders)}, false`, describe(p.child, n));
    case 'limit':
      if (p.child.kind === 'sort' && p.child.global && p.offset === 0) {
        return node(`TakeOrderedAndProject(limit=${p.n}, orderBy=${list(p.child.orders)}, output=${list(outputOf(p))})`, describe(p.child.child, n));
      }
      return node(`GlobalLimit ${p.n}${p.offset ? `, ${p.offset}` : ''}`, node('Exchange SinglePartition', node(`LocalLimit ${p.n + p.offset}`, describe(p.child, n))));
    case 'setOp':
      if (p.op === 'union') return node('Union', describe(p.left, n), describe(p.right, n));
      return node(`${p.op === 'intersect' ? 'Intersect' : 'Except'}${p.all ? 'All' : ''} (hash, ${n} partitions)`, describe(p.left, n), describe(p.right, n));
    case 'window':
      return node(`Window ${list(p.windowExprs)}`, describe(p.child, n));
    case 'sample':
      return node(`Sample ${p.fraction}, ${p.withReplacement}, ${p.seed}`, describe(p.child, n));
    case 'repartition':
      return node(p.shuffle ? `Exchange RoundRobinPartitioning(${p.numPartitions ?? n})` : `Coalesce ${p.numPartitions}`, describe(p.child, n));
    case 'cached':
      return node(`InMemoryTableScan ${list(outputOf(p))}`, describe(p.child, n));
    case 'generate':
      return node(`Generate ${planString(p.generator)}`, describe(p.child, n));
    case 'unresolvedRelation':
      return node(`'UnresolvedRelation ${p.name}`);
  }
}

export function physicalPlanString(p: LogicalPlan, shufflePartitions: number, broadcastThreshold: number): string {
  const lines: string[] = [];
  const visit = (x: Node, prefix: string, childPrefix: string) => {
    lines.push(prefix + x.text);
    x.children.forEach((c, i) => {
      const last = i === x.children.length - 1;
      visit(c, `${childPrefix}${last ? '+- ' : ':- '}`, `${childPrefix}${last ? '   ' : ':  '}`);
    });
  };
  visit(describeNode(p, shufflePartitions, broadcastThreshold), '', '');
  return lines.join('\n');
}
