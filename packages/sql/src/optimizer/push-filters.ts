/**
 * Predicate pushdown: filters move as close to the data as they can, so fewer rows reach
 * shuffles. A filter merges with the filter below it, moves below projections (column aliases
 * replaced by their definitions), sorts and aggregates (conjuncts on grouping columns only),
 * into both sides of a union, and into the side of a join whose columns it reads (never into the
 * side an outer join preserves with nulls). A join's own condition gives its conjuncts over one
 * side to that side where the join type allows (Spark's PushPredicateThroughJoin): TPC-H q13's
 * `LEFT JOIN orders ON ... AND o_comment NOT LIKE ...` then filters orders in their scan instead of
 * shuffling every comment to the join.
 */
import { binaryOf, exists, referencedIds, transformUp, type Attr, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { outputOf } from '../plan/output.js';
import { transformPlanUp, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { conjunction, splitConjuncts } from '../expr/predicates.js';


export function pushDownFilters(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'filter' ? pushFilter(p) : p.kind === 'join' ? pushJoinCondition(p) : p));
}

/**
 * The conjuncts of a join's condition that read one side only, moved into that side: either side
 * of an inner or semi join, the right side of a left outer or anti join, the left side of a right
 * outer join (the side whose unmatched rows the join keeps must see every row).
 */
function pushJoinCondition(join: PlanOf<'join'>): LogicalPlan {
  if (join.condition === undefined || join.using !== undefined) return join;
  const leftOk = ['inner', 'cross', 'left_semi', 'right'].includes(join.joinType);
  const rightOk = ['inner', 'cross', 'left_semi', 'left', 'left_anti', 'existence'].includes(join.joinType);
  if (!leftOk && !rightOk) return join;
  const leftIds = new Set(outputOf(join.left).map((a) => a.id));
  const rightIds = new Set(outputOf(join.right).map((a) => a.id));
  const only = (e: Expr, ids: Set<number>) => referencedIds(e).size > 0 && [...referencedIds(e)].every((id) => ids.has(id));
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const stay: Expr[] = [];
  for (const c of splitConjuncts(join.condition)) {
    if (!isDeterministic(c)) stay.push(c);
    else if (leftOk && only(c, leftIds)) toLeft.push(c);
    else if (rightOk && only(c, rightIds)) toRight.push(c);
    else stay.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0) return join;
  return { ...join, condition: conjunction(stay), left: filterOver(join.left, conjunction(toLeft)), right: filterOver(join.right, conjunction(toRight)) };
}

const filterOver = (child: LogicalPlan, condition: Expr | undefined): LogicalPlan =>
  condition === undefined ? child : { kind: 'filter', child, condition };

function pushFilter(f: PlanOf<'filter'>): LogicalPlan {
  const child = f.child;
  switch (child.kind) {
    case 'filter':
      return { kind: 'filter', child: child.child, condition: binaryOf('AND', child.condition, f.condition) };
    case 'sort':
      return { ...child, child: filterOver(child.child, f.condition) };
    case 'subqueryAlias':
      return { ...child, child: filterOver(child.child, f.condition) };
    case 'project':
      return pushThroughProject(f, child);
    case 'join':
      return pushIntoJoin(f, child);
    case 'aggregate':
      return pushThroughAggregate(f, child);
    case 'setOp':
      return child.op === 'union' ? pushIntoUnion(f, child) : f;
    default:
      return f;
  }
}

const NON_DETERMINISTIC = new Set(['current_date', 'current_timestamp', 'now']);

/** Only deterministic row-level expressions move: no UDFs (they may count calls), no random values. */
export function isDeterministic(e: Expr): boolean {
  return !exists(
    e,
    (x) => x.kind === 'udf' || x.kind === 'window' || (x.kind === 'call' && (NON_DETERMINISTIC.has(x.name) || !isDeterministicScalar(x.name))),
  );
}

function isDeterministicScalar(name: string): boolean {
  const def = lookupFunction(name);
  return def?.type === 'scalar' && !def.nondeterministic;
}

function pushThroughProject(f: PlanOf<'filter'>, project: PlanOf<'project'>): LogicalPlan {
  if (!project.exprs.every(isDeterministic)) return f;
  const definitions = new Map<number, Expr>();
  for (const e of project.exprs) if (e.kind === 'alias') definitions.set(e.id, e.child);
  const condition = transformUp(f.condition, (x) => (x.kind === 'attr' && definitions.has(x.id) ? definitions.get(x.id)! : x));
  return { ...project, child: filterOver(project.child, condition) };
}

function pushIntoJoin(f: PlanOf<'filter'>, join: PlanOf<'join'>): LogicalPlan {
  const leftIds = new Set(outputOf(join.left).map((a) => a.id));
  const rightIds = new Set(outputOf(join.right).map((a) => a.id));
  const only = (e: Expr, ids: Set<number>) => [...referencedIds(e)].every((id) => ids.has(id));
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const stay: Expr[] = [];
  const leftOk = ['inner', 'cross', 'left', 'left_semi', 'left_anti', 'existence'].includes(join.joinType);
  const rightOk = ['inner', 'cross', 'right'].includes(join.joinType);
  // An inner join evaluates a predicate over both sides as its condition (so that the comma joins
  // of SQL, `FROM a, b WHERE a.k = b.k`, become equi-joins instead of cartesian products).
  const intoCondition: Expr[] = [];
  const bothIds = new Set([...leftIds, ...rightIds]);
  const innerLike = join.joinType === 'inner' || join.joinType === 'cross';
  for (const c of splitConjuncts(f.condition)) {
    if (!isDeterministic(c)) stay.push(c);
    else if (leftOk && only(c, leftIds)) toLeft.push(c);
    else if (rightOk && only(c, rightIds)) toRight.push(c);
    else if (innerLike && only(c, bothIds)) intoCondition.push(c);
    else stay.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0 && intoCondition.length === 0) return f;
  const condition = conjunction([...(join.condition ? [join.condition] : []), ...intoCondition]);
  const joinType = intoCondition.length > 0 ? 'inner' : join.joinType;
  const pushed: LogicalPlan = { ...join, joinType, condition, left: filterOver(join.left, conjunction(toLeft)), right: filterOver(join.right, conjunction(toRight)) };
  return filterOver(pushed, conjunction(stay));
}

function pushThroughAggregate(f: PlanOf<'filter'>, agg: PlanOf<'aggregate'>): LogicalPlan {
  const groupIds = new Set(agg.groupBy.filter((g): g is Attr => g.kind === 'attr').map((g) => g.id));
  const passThrough = new Set(agg.aggregates.filter((a): a is Attr => a.kind === 'attr' && groupIds.has(a.id)).map((a) => a.id));
  const below: Expr[] = [];
  const stay: Expr[] = [];
  for (const c of splitConjuncts(f.condition)) {
    const ids = [...referencedIds(c)];
    if (ids.length > 0 && ids.every((id) => passThrough.has(id)) && isDeterministic(c)) below.push(c);
    else stay.push(c);
  }
  if (below.length === 0) return f;
  return filterOver({ ...agg, child: filterOver(agg.child, conjunction(below)) }, conjunction(stay));
}

function pushIntoUnion(f: PlanOf<'filter'>, union: PlanOf<'setOp'>): LogicalPlan {
  if (!isDeterministic(f.condition)) return f;
  const leftOut = outputOf(union.left);
  const rightOut = outputOf(union.right);
  const toRight = new Map(leftOut.map((a, i) => [a.id, rightOut[i]]));
  const rightCondition = transformUp(f.condition, (x) => (x.kind === 'attr' && toRight.has(x.id) ? toRight.get(x.id)! : x));
  return { ...union, left: filterOver(union.left, f.condition), right: filterOver(union.right, rightCondition) };
}
