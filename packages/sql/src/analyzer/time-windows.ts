/**
 * Spark's TimeWindowing rule: `window(ts, windowDuration[, slideDuration[, startTime]])` in a
 * projection or an aggregate becomes a `time_windows` generator under it, whose `window` column
 * the expressions then read (session_window: session-windows.ts). A row appears once per window its time falls in; a row with a null
 * time is dropped, as Spark filters it. Durations are interval strings ('10 minutes',
 * '1 day 12 hours') or microseconds.
 */
import { callOf, exprJson, newExprId, transformDown, type Attr, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { prettyName } from '../expr/names.js';
import { Types } from '../expr/types-used.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { AnalysisException } from './analysis-error.js';
import { durationMicros } from './interval-strings.js';
import { sessionWindows } from './session-windows.js';
import { castTo, resolveExpression, type OuterScope } from './resolve-expression.js';
import { dataTypeOf } from './type-of.js';

type Windowed = PlanOf<'project'> | PlanOf<'aggregate'>;
type Call = Extract<Expr, { kind: 'call' }>;

const WINDOW_FUNCTIONS = new Set(['window', 'session_window']);
const isWindowCall = (e: Expr): e is Call => e.kind === 'call' && WINDOW_FUNCTIONS.has(e.name.toLowerCase());

/**
 * The plan with its window() or session_window() call reading a `window` / `session_window`
 * column of a plan put under it; the plan itself when it has none. `analyzeNew` resolves the
 * plan a session window builds (analyzer.ts's analyze).
 */
export function planTimeWindows<P extends Windowed>(p: P, scope: OuterScope | undefined, analyzeNew: (plan: LogicalPlan) => LogicalPlan): P {
  const exprs: readonly Expr[] = p.kind === 'project' ? p.exprs : [...p.groupBy, ...p.aggregates];
  const calls = new Map<string, Call>();
  for (const e of exprs) {
    transformDown(e, (x) => {
      if (isWindowCall(x)) calls.set(exprJson(x), x);
      return undefined;
    });
  }
  if (calls.size === 0) return p;
  if (calls.size > 1) {
    throw new AnalysisException(
      'MULTIPLE_TIME_WINDOW_EXPRESSIONS',
      'Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported. SQLSTATE: 42K0E',
    );
  }
  const [call] = calls.values();
  const { child, column } = call!.name.toLowerCase() === 'window' ? timeWindows(call!, p.child, scope) : sessionWindows(call!, p, scope, analyzeNew);
  const replace = (e: Expr) => transformDown(e, (x) => (isWindowCall(x) ? column : undefined));
  if (p.kind === 'project') return { ...p, child, exprs: p.exprs.map(replace) };
  return { ...p, child, groupBy: p.groupBy.map(replace), aggregates: p.aggregates.map(replace) };
}

/** A generate node yielding each row once per window holding its time, as the `window` column. */
function timeWindows(call: Call, input: LogicalPlan, scope?: OuterScope): { child: LogicalPlan; column: Attr } {
  const generator = windowGenerator(call, outputOf(input), scope);
  // A timestamp_ntz column's windows are timestamp_ntz wall clocks (the arithmetic is the same).
  const column: Attr = { kind: 'attr', id: newExprId(), name: 'window', dataType: dataTypeOf(generator), nullable: false };
  return { child: { kind: 'generate', child: input, generator, outer: false, output: [column] }, column };
}

function windowGenerator(call: Call, input: readonly Attr[], scope?: OuterScope): Expr {
  const [time, ...durations] = call.args;
  if (time === undefined || durations.length < 1 || durations.length > 3) {
    throw new AnalysisException(
      'WRONG_NUM_ARGS.WITHOUT_SUGGESTION',
      `The \`window\` requires [2, 3, 4] parameters but the actual number is ${call.args.length}. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix. SQLSTATE: 42605`,
    );
  }
  const timeColumn = resolveExpression(time, input, scope);
  const timeType = dataTypeOf(timeColumn);
  if (!['timestamp', 'timestamp_ntz', 'string', 'date', 'void'].includes(timeType.typeName())) {
    throw new AnalysisException(
      'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
      `Cannot resolve "window(${prettyName(timeColumn)})" due to data type mismatch: The first parameter requires the "TIMESTAMP" type, however "${prettyName(timeColumn)}" has the type "${timeType.simpleString().toUpperCase()}". SQLSTATE: 42K09`,
    );
  }
  const [windowMicros, slideMicros = windowMicros, startMicros = 0] = durations.map(durationOf);
  checkDurations(`window(${prettyName(timeColumn)}, ${windowMicros}, ${slideMicros}, ${startMicros})`, windowMicros!, slideMicros!, startMicros!);
  const millis = (micros: number) => literalExpr(Math.trunc(micros / 1000));
  const instants = timeType.typeName() === 'timestamp_ntz' ? timeColumn : castTo(timeColumn, Types.timestamp);
  return callOf('time_windows', [instants, millis(windowMicros!), millis(slideMicros!), millis(startMicros!)]);
}

/** A duration argument: an interval string, or an integer of microseconds (Spark's TimeWindow.parseExpression). */
function durationOf(e: Expr): number {
  if (e.kind === 'literal' && typeof e.value === 'string') return durationMicros(e.value);
  if (e.kind === 'literal' && typeof e.value === 'number' && Number.isInteger(e.value)) return e.value;
  throw new AnalysisException('_LEGACY_ERROR_TEMP_1207', 'The duration and time inputs to window must be an integer, long or string literal.');
}

/** TimeWindow.checkInputDataTypes: Spark's DATATYPE_MISMATCH texts, the durations in microseconds. */
function checkDurations(sqlExpr: string, window: number, slide: number, start: number): void {
  const mismatch = (subClass: string, text: string) =>
    new AnalysisException(`DATATYPE_MISMATCH.${subClass}`, `Cannot resolve "${sqlExpr}" due to data type mismatch: ${text} SQLSTATE: 42K09`);
  const outOfRange = (name: string, value: number) => mismatch('VALUE_OUT_OF_RANGE', `The \`${name}\` must be between (0, 9223372036854775807] (current value = ${value}L).`);
  const violation = (left: string, leftValue: number, op: string, right: string, rightValue: number) =>
    mismatch('PARAMETER_CONSTRAINT_VIOLATION', `The \`${left}\`(${leftValue}L) must be ${op} the \`${right}\`(${rightValue}L).`);
  if (window <= 0) throw outOfRange('window_duration', window);
  if (slide <= 0) throw outOfRange('slide_duration', slide);
  if (slide > window) throw violation('slide_duration', slide, '<=', 'window_duration', window);
  if (Math.abs(start) >= slide) throw violation('abs(start_time)', Math.abs(start), '<', 'slide_duration', slide);
}
