/**
 * session_window(ts, gapDuration): each row's session starts at its time and ends `gap` later;
 * under an aggregate, the sessions of a group (the other grouping keys) that overlap or touch
 * merge into one, as Spark's MergingSessionsIterator merges them over rows sorted by start. The
 * merge is planned with window functions over the grouping keys, ordered by start:
 *   prev = max(end) over the rows before;  id = running sum of (prev is null or start > prev);
 *   session_window = struct(min(start), max(end)) over the rows of the same (keys, id).
 * A projection gets each row's own session, unmerged, as in Spark. Rows with a null time are
 * dropped, and every row when the gap is not positive (Spark's filter).
 */
import { aliasOf, callOf, columnRef, type Attr, type Expr, type SortOrderExpr, type WindowFrame } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING } from '../expr/names.js';
import { Types } from '../expr/types-used.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { AnalysisException } from './analysis-error.js';
import { durationMicros } from './interval-strings.js';
import { resolveExpression, type OuterScope } from './resolve-expression.js';
import { dataTypeOf } from './type-of.js';

type Call = Extract<Expr, { kind: 'call' }>;

const START = '__session_start';
const END = '__session_end';
const PREVIOUS_END = '__session_previous_end';
const ID = '__session_id';

export function sessionWindows(call: Call, p: PlanOf<'project'> | PlanOf<'aggregate'>, scope: OuterScope | undefined, analyzeNew: (plan: LogicalPlan) => LogicalPlan): { child: LogicalPlan; column: Attr } {
  const [time, gap] = call.args;
  if (time === undefined || gap === undefined || call.args.length !== 2) {
    throw new AnalysisException('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `The \`session_window\` requires 2 parameters but the actual number is ${call.args.length}. SQLSTATE: 42605`);
  }
  const gapMicros = gapOf(gap);
  const input = outputOf(p.child);
  // A timestamp_ntz column's sessions are timestamp_ntz wall clocks; text and dates are read as timestamps.
  const ntz = dataTypeOf(resolveExpression(time, input, scope)).typeName() === 'timestamp_ntz';
  const start: Expr = ntz ? time : { kind: 'cast', child: time, to: Types.timestamp };
  const end = callOf('timestamp_add_interval', [start, literalExpr(gapMicros)]);
  const kept: Expr = gapMicros > 0 ? { kind: 'unary', op: 'IS NOT NULL', child: time } : literalExpr(false);
  const filtered: LogicalPlan = { kind: 'filter', child: p.child, condition: kept };
  const struct = (s: Expr, e: Expr) => aliasOf(callOf('named_struct', [literalExpr('start'), s, literalExpr('end'), e]), 'session_window');
  if (p.kind === 'project') return withColumn(analyzeNew({ kind: 'project', child: filtered, exprs: [...input, struct(start, end)] }));

  const keys = p.groupBy.filter((g) => !(g.kind === 'call' && g.name.toLowerCase() === 'session_window'));
  const byStart: SortOrderExpr[] = [START, END].map((name) => ({ kind: 'sortOrder', child: columnRef(name), ascending: true, nullsFirst: true }));
  const over = (fn: Expr, partitionBy: readonly Expr[], orderBy: SortOrderExpr[], frame: WindowFrame): Expr => ({ kind: 'window', fn, spec: { partitionBy, orderBy, frame } });
  const rows = (first: number, last: number): WindowFrame => ({ type: 'rows', start: first, end: last });
  const sessions: LogicalPlan = { kind: 'project', child: filtered, exprs: [...input, aliasOf(start, START), aliasOf(end, END)] };
  const withPrevious: LogicalPlan = {
    kind: 'project',
    child: sessions,
    exprs: [{ kind: 'star' }, aliasOf(over(callOf('max', [columnRef(END)]), keys, byStart, rows(UNBOUNDED_PRECEDING, -1)), PREVIOUS_END)],
  };
  const opens: Expr = {
    kind: 'caseWhen',
    branches: [[{ kind: 'binary', op: 'OR', left: { kind: 'unary', op: 'IS NULL', child: columnRef(PREVIOUS_END) }, right: { kind: 'binary', op: '>', left: columnRef(START), right: columnRef(PREVIOUS_END) } }, literalExpr(1)]],
    otherwise: literalExpr(0),
  };
  const withId: LogicalPlan = { kind: 'project', child: withPrevious, exprs: [{ kind: 'star' }, aliasOf(over(callOf('sum', [opens]), keys, byStart, rows(UNBOUNDED_PRECEDING, 0)), ID)] };
  const session = [...keys, columnRef(ID)];
  const whole = rows(UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
  const merged = struct(over(callOf('min', [columnRef(START)]), session, [], whole), over(callOf('max', [columnRef(END)]), session, [], whole));
  return withColumn(analyzeNew({ kind: 'project', child: withId, exprs: [...input, merged] }));
}

/** The plan and its last column, `session_window`: never null (a row without a session is dropped), as Spark's schema says. */
function withColumn(plan: LogicalPlan): { child: LogicalPlan; column: Attr } {
  const output = outputOf(plan);
  const column = { ...output.at(-1)!, nullable: false };
  return { child: { kind: 'project', child: plan, exprs: [...output.slice(0, -1), column] }, column };
}

/** A constant gap: an interval string, or an interval literal (microseconds). */
function gapOf(gap: Expr): number {
  if (gap.kind === 'literal' && typeof gap.value === 'string') return durationMicros(gap.value);
  if (gap.kind === 'literal' && typeof gap.value === 'number') return gap.value;
  throw new AnalysisException(
    'UNSUPPORTED_FEATURE',
    'The feature is not supported: a session_window gap duration that varies by row (Flint takes a constant interval string or interval literal). SQLSTATE: 0A000',
  );
}
