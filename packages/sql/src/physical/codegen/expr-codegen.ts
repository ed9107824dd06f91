/**
 * Compiles a resolved expression into one JavaScript expression over the current row's values.
 * SQL's three-valued logic is explicit: every sub-expression evaluates to a value or `null`, and
 * null-intolerant operators test their operands once, through temporaries (`(t1 = a) === null ? ...`),
 * so the generated code is straight-line, with no closures or calls per row.
 */
import { LONG_HELPERS } from '../../types/long-value.js';
import { containsLong, udfResultSource } from './udf-result.js';
import type { Expr, ExprOf } from '../../expr/expression.js';
import { lookupFunction, type ScalarFunction } from '../../expr/registry.js';
import { dataTypeOf } from '../../analyzer/type-of.js';
import type { CodegenContext } from './codegen-context.js';
import { genCast } from './cast-codegen.js';
import { genArithmetic, genDecimalArithmetic } from './arithmetic-codegen.js';
import { DecimalType } from '../../types/index.js';
import { equalsCode, isComplexType, isPrimitiveValued, SQL_COMPARE, SQL_EQUALS } from './complex-equality.js';
import { ARITHMETIC_HELPERS, negateCode } from '../../expr/ansi-arithmetic.js';
import { defaultTimeZone } from '../../format/index.js';
import { LAMBDA } from '../../analyzer/lambdas.js';

/** Where each attribute's value is, as JavaScript (`row[2]`, `v3`), by attribute id. */
export type Bindings = ReadonlyMap<number, string>;

export function genExpr(e: Expr, vars: Bindings, ctx: CodegenContext): string {
  return 'origin' in e ? ctx.inOrigin(e.origin, () => genNode(e, vars, ctx)) : genNode(e, vars, ctx);
}

function genNode(e: Expr, vars: Bindings, ctx: CodegenContext): string {
  const gen = (x: Expr) => genExpr(x, vars, ctx);
  switch (e.kind) {
    case 'attr': {
      const code = vars.get(e.id);
      if (code === undefined) throw new Error(`internal error: attribute ${e.name}#${e.id} is not bound in generated code`);
      return code;
    }
    case 'literal':
      return literalCode(e.value);
    case 'alias':
    case 'sortOrder':
      return gen(e.child);
    case 'cast':
      return genCast(gen(e.child), dataTypeOf(e.child), e.to, ctx, e.try ? 'try' : e.evalMode ?? 'ansi', e.timeZone);
    case 'unary':
      return genUnary(e, gen(e.child), ctx);
    case 'binary':
      return genBinary(e, gen(e.left), gen(e.right), ctx);
    case 'caseWhen': {
      const otherwise = e.otherwise ? gen(e.otherwise) : 'null';
      return `(${e.branches.map(([c, v]) => `${gen(c)} === true ? ${gen(v)} : `).join('')}${otherwise})`;
    }
    case 'in': {
      const t = ctx.scratch();
      const list = e.list.filter((x) => !(x.kind === 'literal' && x.value === null));
      const hasNull = list.length !== e.list.length;
      const tests = list.map((x) => `${t} === ${gen(x)}`).join(' || ') || 'false';
      return `((${t} = ${gen(e.child)}) === null ? null : (${tests}) ? true : ${hasNull ? 'null' : 'false'})`;
    }
    case 'call':
      return genCall(e, e.args.map((a) => (a.kind === 'call' && a.name === LAMBDA ? genLambda(a.args, vars, ctx) : gen(a))), ctx);
    case 'udf': {
      const fn = ctx.addUdf(e.udf);
      const call = `${fn}(${[...e.args.map(gen), ...(e.udf.env !== undefined ? [`env.${fn}`] : [])].join(', ')})`;
      if (containsLong(e.udf.returnType)) ctx.addHelpers(LONG_HELPERS);
      const hoist = (source: string) => ctx.constant(source);
      return `${hoist(udfResultSource(e.udf.returnType, hoist))}(${call})`;
    }
    case 'window':
    case 'subquery':
    case 'column':
    case 'star':
      throw new Error(`internal error: ${e.kind} expression reached code generation`);
  }
}

/** A lambda argument as a JavaScript arrow function: its parameters bound to the arrow's. */
function genLambda([body, ...params]: readonly Expr[], vars: Bindings, ctx: CodegenContext): string {
  const names = params.map(() => ctx.scratch());
  const bound = new Map(vars);
  params.forEach((p, i) => bound.set((p as Extract<Expr, { kind: 'attr' }>).id, names[i]!));
  return `((${names.join(', ')}) => ${genExpr(body!, bound, ctx)})`;
}

export function literalCode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  // A folded constant may be a map, a binary or hold them (JSON would turn a Map into {}).
  if (value instanceof Map) return `new Map([${[...value].map(([k, v]) => `[${literalCode(k)}, ${literalCode(v)}]`).join(', ')}])`;
  if (value instanceof Uint8Array) return `new Uint8Array([${value.join(', ')}])`;
  if (Array.isArray(value)) return `[${value.map(literalCode).join(', ')}]`;
  if (typeof value === 'object') return `({ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${literalCode(v)}`).join(', ')} })`;
  return JSON.stringify(value);
}

function genUnary(e: ExprOf<'unary'>, child: string, ctx: CodegenContext): string {
  switch (e.op) {
    case 'IS NULL':
      return `(${child} === null)`;
    case 'IS NOT NULL':
      return `(${child} !== null)`;
    case 'NOT': {
      const t = ctx.scratch();
      return `((${t} = ${child}) === null ? null : !${t})`;
    }
    default: {
      const t = ctx.scratch();
      ctx.addHelpers(ARITHMETIC_HELPERS);
      return `((${t} = ${child}) === null ? null : ${negateCode(t, dataTypeOf(e), e.evalMode, ctx.errorContext())})`;
    }
  }
}

const FLOATING = new Set(['double', 'float']);

/** Spark orders NaN above every other number, and NaN = NaN (SQLOrderingUtil.compareDoubles). */
const NAN_COMPARISONS: Record<string, (l: string, r: string) => string> = {
  '<': (l, r) => `(${l} < ${r} || (${r} !== ${r} && ${l} === ${l}))`,
  '<=': (l, r) => `(${l} <= ${r} || ${r} !== ${r})`,
  '>': (l, r) => `(${l} > ${r} || (${l} !== ${l} && ${r} === ${r}))`,
  '>=': (l, r) => `(${l} >= ${r} || ${l} !== ${l})`,
};

function genBinary(e: ExprOf<'binary'>, left: string, right: string, ctx: CodegenContext): string {
  const op = e.op;
  const l = ctx.scratch();
  const r = ctx.scratch();
  const complex = ['=', '<=>', '<', '<=', '>', '>='].includes(op) && isComplexType(dataTypeOf(e.left));
  if (complex) ctx.addHelper('sqlEquals', SQL_EQUALS);
  if (complex) ctx.addHelper('sqlCompare', SQL_COMPARE);
  switch (op) {
    case 'AND':
      return `((${l} = ${left}) === false ? false : (${r} = ${right}) === false ? false : ${l} === null || ${r} === null ? null : true)`;
    case 'OR':
      return `((${l} = ${left}) === true ? true : (${r} = ${right}) === true ? true : ${l} === null || ${r} === null ? null : false)`;
    case '<=>':
      if (complex) return `sqlEquals(${left}, ${right})`;
      return `((${l} = ${left}) === (${r} = ${right}) || (${l} !== ${l} && ${r} !== ${r}))`;
  }
  const both = `(${l} = ${left}) === null || (${r} = ${right}) === null ? null`;
  switch (op) {
    case '=':
      // Spark's NaN semantics: NaN equals NaN.
      if (!isPrimitiveValued(dataTypeOf(e.left))) ctx.addHelper('sqlEquals', SQL_EQUALS);
      return `(${both} : ${equalsCode(l, r, dataTypeOf(e.left))})`;
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const type = dataTypeOf(e);
      const operands = [dataTypeOf(e.left), dataTypeOf(e.right)];
      if (type instanceof DecimalType && operands[0] instanceof DecimalType && operands[1] instanceof DecimalType) {
        return `(${both} : ${genDecimalArithmetic(op, l, r, [operands[0], operands[1]], type, e.evalMode, ctx)})`;
      }
      return `(${both} : ${genArithmetic(op, l, r, type, e.evalMode, ctx)})`;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (complex) return `(${both} : sqlCompare(${l}, ${r}) ${op} 0)`;
      const floating = [e.left, e.right].some((x) => FLOATING.has(dataTypeOf(x).typeName()));
      return floating ? `(${both} : ${NAN_COMPARISONS[op]!(l, r)})` : `(${both} : ${l} ${op} ${r})`;
    }
  }
}

function genCall(e: ExprOf<'call'>, args: string[], ctx: CodegenContext): string {
  const def = lookupFunction(e.name);
  if (!def || def.type !== 'scalar') throw new Error(`internal error: ${e.name} is not a row-level function`);
  ctx.addHelpers(def.helpers);
  // Only a time-zone-aware function reads the zone: the others are spared Intl's first use.
  const timeZone = e.timeZone ?? (def.timeZoneAware ? defaultTimeZone() : 'UTC');
  if (def.lazyArgs) return `(${def.gen(args, e.args.map(dataTypeOf), timeZone, ctx, e.evalMode)})`;
  // A literal string, number or boolean is its own code: no temporary, no test for null (a
  // number in parentheses, so that `-${x}` or `${x}.toFixed(2)` stay JavaScript).
  const literalType = e.args.map((a) => (a.kind === 'literal' ? typeof a.value : undefined));
  const inline = literalType.map((t) => t === 'string' || t === 'number' || t === 'boolean');
  const temps = args.map((a, i) => (!inline[i] ? ctx.scratch() : literalType[i] === 'number' ? `(${a})` : a));
  const assign = args.flatMap((a, i) => (inline[i] ? [] : [`(${temps[i]} = ${a})`]));
  const body = def.gen(preparedArgs(def, e.args, temps, timeZone, ctx), e.args.map(dataTypeOf), timeZone, ctx, e.evalMode);
  if (assign.length === 0) return `(${body})`;
  if (!def.nullIntolerant) return `(${assign.join(', ')}, ${body})`;
  return `(${assign.map((a) => `${a} === null`).join(' || ')} ? null : ${body})`;
}

/**
 * The arguments' code as `gen` takes it: an argument the function prepares (ScalarFunction.prepared)
 * is, when a literal (and the arguments its preparation reads too), prepared once as a constant of
 * the generated function, else per row.
 */
function preparedArgs(def: ScalarFunction, args: readonly Expr[], temps: string[], timeZone: string, ctx: CodegenContext): string[] {
  if (def.prepared === undefined) return temps;
  const types = args.map(dataTypeOf);
  const isLiteral = (i: number) => args[i] === undefined || (args[i]!.kind === 'literal' && (args[i] as ExprOf<'literal'>).value !== null);
  const literals = args.map((a, i) => (isLiteral(i) ? literalCode((a as ExprOf<'literal'>).value) : temps[i]!));
  return temps.map((temp, i) => {
    const prepare = def.prepared![i];
    if (prepare === undefined) return temp;
    const once = [i, ...(def.preparedWith?.[i] ?? [])].every(isLiteral);
    return once ? ctx.constant(prepare(literals[i]!, types, literals, timeZone)) : prepare(temp, types, temps, timeZone);
  });
}
