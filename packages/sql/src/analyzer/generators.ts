/**
 * `select(explode(arr))`: a generator in a projection becomes a `generate` node under it, whose
 * new columns the projection reads. Spark's names: `col` for an array element, `key` and `value`
 * for a map entry, `pos` before them for posexplode; an alias renames them.
 */
import { ArrayType, MapType, type DataType } from '../types/index.js';
import { newExprId, type Attr, type Expr, type NamedExpr } from '../expr/expression.js';
import { lookupFunction, type GeneratorFunction } from '../expr/registry.js';
import { Types } from '../expr/types-used.js';
import { prettyName } from '../expr/names.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { AnalysisException } from './analysis-error.js';
import { dataTypeOf } from './type-of.js';

const generatorOf = (e: Expr): GeneratorFunction | undefined => {
  const inner = e.kind === 'alias' ? e.child : e;
  const def = inner.kind === 'call' ? lookupFunction(inner.name) : undefined;
  return def?.type === 'generator' ? def : undefined;
};

export function hasGenerator(exprs: readonly NamedExpr[]): boolean {
  const multiAliased = exprs.find((e) => e.kind === 'alias' && e.names !== undefined && generatorOf(e) === undefined);
  if (multiAliased?.kind === 'alias') {
    throw new AnalysisException(
      'MULTI_ALIAS_WITHOUT_GENERATOR',
      `Multi part aliasing (${multiAliased.names!.join(', ')}) is not supported with ${prettyName(multiAliased.child)} as it is not a generator function. SQLSTATE: 42K0E`,
    );
  }
  return exprs.some((e) => generatorOf(e) !== undefined);
}

/** The projection over a generate node, for select items of which one is a generator. */
export function planGenerator(child: LogicalPlan, exprs: readonly NamedExpr[]): LogicalPlan {
  const index = exprs.findIndex((e) => generatorOf(e) !== undefined);
  if (exprs.slice(index + 1).some((e) => generatorOf(e) !== undefined)) {
    throw new AnalysisException('UNSUPPORTED_GENERATOR.MULTI_GENERATOR', 'Only one generator allowed per SELECT clause. SQLSTATE: 42K0E');
  }
  const item = exprs[index];
  const def = generatorOf(item)!;
  const call = (item.kind === 'alias' ? item.child : item) as Extract<Expr, { kind: 'call' }>;
  // An unnamed generator was given its generated name by resolveNamed; only a user's alias renames the columns.
  const alias = item.kind === 'alias' && item.name !== prettyName(call) ? item.name : undefined;
  const names = item.kind === 'alias' ? item.names : undefined;
  const generated = generatorOutput(def, call.args, names ? undefined : alias);
  if (names && names.length !== generated.length) {
    throw new AnalysisException(
      'UDTF_ALIAS_NUMBER_MISMATCH',
      `The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. Expected ${generated.length} aliases, but got ${names.join(', ')}. SQLSTATE: 42802`,
    );
  }
  const qualifier = item.kind === 'alias' ? item.qualifier : undefined;
  const output = generated.map((a, i) => ({ ...a, name: names ? names[i]! : a.name, ...(qualifier === undefined ? {} : { qualifier }) }));
  const generate: LogicalPlan = { kind: 'generate', child, generator: call, outer: def.outer, output };
  return { kind: 'project', child: generate, exprs: [...exprs.slice(0, index), ...output, ...exprs.slice(index + 1)] };
}

function generatorOutput(def: GeneratorFunction, args: readonly Expr[], alias: string | undefined): Attr[] {
  const attr = (name: string, dataType: DataType): Attr => ({ kind: 'attr', id: newExprId(), name, dataType, nullable: true });
  if (def.columns) {
    const columns = def.columns(args.map(dataTypeOf), args.map((a) => (a.kind === 'literal' ? a.value : undefined)));
    return columns.map((c) => attr(columns.length === 1 ? (alias ?? c.name) : c.name, c.dataType));
  }
  const input = dataTypeOf(args[0]!);
  const position = def.withPosition ? [attr('pos', Types.int)] : [];
  if (input instanceof ArrayType) return [...position, attr(alias ?? 'col', input.elementType)];
  if (input instanceof MapType) return [...position, attr('key', input.keyType), attr(alias ?? 'value', input.valueType)];
  throw new AnalysisException(
    'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
    `Cannot resolve "${def.name}" due to data type mismatch: the input should be an array or a map, got "${input.simpleString().toUpperCase()}". SQLSTATE: 42K09`,
  );
}
