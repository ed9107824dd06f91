/**
 * Window functions: rows are shuffled by their PARTITION BY values; each reduce task groups its
 * rows per window partition, sorts them by the ORDER BY key, and computes every function of the
 * window over the sorted rows: ranking functions from peer groups (rows with equal order keys),
 * lag/lead by offset, aggregates over their frame (incrementally when the frame starts at
 * UNBOUNDED PRECEDING, which is the default, else row by row); RANGE frames with value offsets
 * find their bounds from the ORDER BY values.
 */
import type { RDD } from '@flint/rdd';
import type { Alias, Attr, Expr, NamedExpr, WindowSpecExpr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { NTH_VALUE_IN_FRAME } from '../expr/builtins/nth-value.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING } from '../expr/names.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { namedToAttr } from '../plan/output.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { exprKey } from './expr-key.js';
import { genLoop, mapPartitionsGenerated, outputAfter, pipelineOf, streamPartitionsGenerated, withStep, type Pipeline } from './pipeline.js';
import { COMPARE_KEYS, genSortKey } from './sort.js';
import { tupleKeyCode } from '../expr/key-text.js';

export function windowRows(child: Pipeline, windowExprs: readonly NamedExpr[], numPartitions: number, site: string): RDD<unknown[]> {
  const bySpec = new Map<string, Alias[]>();
  for (const e of windowExprs as Alias[]) {
    const w = e.child as Extract<Expr, { kind: 'window' }>;
    const key = exprKey({ kind: 'window', fn: { kind: 'literal', value: null, dataType: dataTypeOf(w) }, spec: { ...w.spec, frame: undefined } });
    bySpec.set(key, [...(bySpec.get(key) ?? []), e]);
  }
  let current = child;
  const inputOutput = outputAfter(child);
  for (const group of bySpec.values()) {
    const rows = windowForSpec(current, group, numPartitions, site);
    current = pipelineOf(rows, [...outputAfter(current), ...group.map(namedToAttr)]);
  }
  // Windows over several specifications append their columns spec by spec: restore the asked order.
  const wanted: Attr[] = [...inputOutput, ...windowExprs.map(namedToAttr)];
  const final = withStep(current, { kind: 'project', exprs: wanted });
  return genProjection(final, site);
}

function genProjection(p: Pipeline, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  const output = outputAfter(p);
  return streamPartitionsGenerated(p, ctx, genLoop(p, ctx, (vars) => `yield [${output.map((a) => vars.get(a.id)).join(', ')}];`), site);
}

function windowForSpec(child: Pipeline, exprs: Alias[], numPartitions: number, site: string): RDD<unknown[]> {
  const spec = (exprs[0].child as Extract<Expr, { kind: 'window' }>).spec;
  const output = outputAfter(child);
  const keyed = keyByPartition(child, spec, site);
  const shuffled = (keyed as unknown as RDD<[unknown, unknown[]]>).partitionBy(spec.partitionBy.length === 0 ? 1 : numPartitions);
  const ctx = new CodegenContext();
  ctx.addHelper('compareKeys', COMPARE_KEYS);
  const rowVars: Bindings = new Map(output.map((a, i) => [a.id, `row[${i}]`]));
  const sortKey = genSortKey(spec.orderBy, rowVars, ctx);
  const computations = exprs.map((e, i) => genWindowFunction(e.child as Extract<Expr, { kind: 'window' }>, `w${i}`, rowVars, ctx));
  const source = `const groups = new Map();
for (const record of input) {
  let g = groups.get(record[0]);
  if (g === undefined) { g = []; groups.set(record[0], g); }
  g.push(record[1]);
}
const out = [];
for (const group of groups.values()) {
  const n = group.length;
  const keyed = group.map((row) => [${sortKey}, row]);
  keyed.sort((a, b) => compareKeys(a[0], b[0]));
  const rows = keyed.map((k) => k[1]);
  const peerStart = new Int32Array(n);
  const peerEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) peerStart[i] = i > 0 && compareKeys(keyed[i][0], keyed[i - 1][0]) === 0 ? peerStart[i - 1] : i;
  for (let i = n - 1; i >= 0; i--) peerEnd[i] = i < n - 1 && compareKeys(keyed[i][0], keyed[i + 1][0]) === 0 ? peerEnd[i + 1] : i;
  ${exprs.map((_, i) => `const w${i} = new Array(n);`).join('\n  ')}
  ${computations.join('\n  ')}
  for (let i = 0; i < n; i++) out.push([...rows[i], ${exprs.map((_, i) => `w${i}[i]`).join(', ')}]);
}
return out;`;
  return mapPartitionsGenerated(shuffled, ctx, source, site);
}

function keyByPartition(child: Pipeline, spec: WindowSpecExpr, site: string): RDD<unknown> {
  const ctx = new CodegenContext();
  const output = outputAfter(child);
  const body = genLoop(child, ctx, (vars) => {
    const keys = spec.partitionBy.map((p) => genExpr(p, vars, ctx));
    const key = keys.length === 0 ? '0' : keys.length === 1 ? keys[0] : tupleKeyCode(`[${keys.join(', ')}]`, spec.partitionBy.map(dataTypeOf), ctx);
    return `yield [${key}, [${output.map((a) => vars.get(a.id)).join(', ')}]];`;
  });
  return streamPartitionsGenerated(child, ctx, body, site);
}

/** Code filling array `w` with the function's value for each sorted row `i` of the partition. */
function genWindowFunction(window: Extract<Expr, { kind: 'window' }>, w: string, rowVars: Bindings, ctx: CodegenContext): string {
  const fn = window.fn;
  if (fn.kind !== 'call') throw new Error(`unsupported window function ${fn.kind}`);
  const def = fn.name === 'nth_value' ? NTH_VALUE_IN_FRAME : lookupFunction(fn.name);
  const argArrays = fn.args.map((a) => `rows.map((row) => ${genExpr(a, rowVars, ctx)})`);
  switch (fn.name) {
    case 'row_number':
      return `for (let i = 0; i < n; i++) ${w}[i] = i + 1;`;
    case 'rank':
      return `for (let i = 0; i < n; i++) ${w}[i] = peerStart[i] + 1;`;
    case 'dense_rank':
      return `{ let d = 0; for (let i = 0; i < n; i++) { if (peerStart[i] === i) d++; ${w}[i] = d; } }`;
    case 'percent_rank':
      return `for (let i = 0; i < n; i++) ${w}[i] = n === 1 ? 0 : peerStart[i] / (n - 1);`;
    case 'cume_dist':
      return `for (let i = 0; i < n; i++) ${w}[i] = (peerEnd[i] + 1) / n;`;
    case 'ntile':
      return `{ const k = ${genExpr(fn.args[0], new Map(), ctx)}; const size = Math.floor(n / k), extra = n % k;
    for (let i = 0; i < n; i++) ${w}[i] = i < extra * (size + 1) ? Math.floor(i / (size + 1)) + 1 : Math.floor((i - extra * (size + 1)) / size) + extra + 1; }`;
    case 'lag':
    case 'lead': {
      const offset = fn.args[1] ? genExpr(fn.args[1], new Map(), ctx) : '1';
      const fallback = fn.args[2] ? genExpr(fn.args[2], new Map(), ctx) : 'null';
      const sign = fn.name === 'lag' ? '-' : '+';
      return `{ const v = ${argArrays[0]}; for (let i = 0; i < n; i++) { const j = i ${sign} ${offset}; ${w}[i] = j >= 0 && j < n ? v[j] : ${fallback}; } }`;
    }
  }
  if (def?.type !== 'aggregate') throw new Error(`${fn.name} is not a window function`);
  const frame = window.spec.frame ?? { type: 'rows', start: UNBOUNDED_PRECEDING, end: UNBOUNDED_FOLLOWING };
  const bound = (b: number, side: 'start' | 'end') => {
    if (b <= UNBOUNDED_PRECEDING) return '0';
    if (b >= UNBOUNDED_FOLLOWING) return 'n - 1';
    if (frame.type === 'range') {
      if (b === 0) return side === 'start' ? 'peerStart[i]' : 'peerEnd[i]';
      const order = window.spec.orderBy;
      if (order.length !== 1) throw new Error('A RANGE frame with a value offset needs exactly one ORDER BY expression');
      ctx.addHelper('rangeBound', RANGE_BOUND);
      return `rangeBound(ov, i, ${b}, ${!order[0].ascending}, ${side === 'start'}, peerStart, peerEnd)`;
    }
    return `i + ${b}`;
  };
  const slots = Array.from({ length: def.slots }, (_, s) => `b[${s}]`);
  const args = fn.args.map((_, k) => `a${k}[j]`);
  const argTypes = fn.args.map(dataTypeOf);
  ctx.addHelpers(def.helpers);
  const orderValues = frame.type === 'range' && window.spec.orderBy.length === 1 ? `const ov = rows.map((row) => ${genExpr(window.spec.orderBy[0].child, rowVars, ctx)});` : '';
  const declareArgs = [orderValues, ...argArrays.map((code, k) => `const a${k} = ${code};`)].join(' ');
  const update = def.update(slots, args, argTypes);
  const finish = def.finish(slots, argTypes, fn.evalMode);
  if (frame.start <= UNBOUNDED_PRECEDING) {
    return `{ ${declareArgs} const b = [${def.init().join(', ')}]; let j = -1;
    for (let i = 0; i < n; i++) { const hi = Math.min(${bound(frame.end, 'end')}, n - 1); while (j < hi) { j++; { ${update} } } const f = ${finish}; ${w}[i] = Array.isArray(f) ? [...f] : f; } }`;
  }
  return `{ ${declareArgs}
    for (let i = 0; i < n; i++) { const b = [${def.init().join(', ')}]; const hi = Math.min(${bound(frame.end, 'end')}, n - 1);
      for (let j = Math.max(${bound(frame.start, 'start')}, 0); j <= hi; j++) { ${update} } ${w}[i] = ${finish}; } }`;
}

/**
 * A RANGE frame bound with a value offset: the first (start) or last (end) row whose ORDER BY
 * value is within `offset` of row i's, in sort direction (descending: preceding rows hold larger
 * values). The values are sorted with nulls together at one end; a null row's frame is its peers.
 */
const RANGE_BOUND = `function rangeBound(ov, i, offset, descending, start, peerStart, peerEnd) {
  const v = ov[i];
  if (v === null) return start ? peerStart[i] : peerEnd[i];
  // A long past 2^53 is a JS bigint (types/long-value.ts): its limit is exact.
  const exact = typeof v === 'bigint' || typeof offset === 'bigint';
  const limit = exact ? (descending ? BigInt(v) - BigInt(offset) : BigInt(v) + BigInt(offset)) : descending ? v - offset : v + offset;
  const before = (x) => x !== null && (descending ? x > limit : x < limit);
  const after = (x) => x !== null && (descending ? x < limit : x > limit);
  const n = ov.length;
  if (start) {
    let j = peerStart[i];
    if (before(ov[j])) while (j < n && ov[j] !== null && before(ov[j])) j++;
    else while (j > 0 && ov[j - 1] !== null && !before(ov[j - 1])) j--;
    return j;
  }
  let j = peerEnd[i];
  if (after(ov[j])) while (j >= 0 && ov[j] !== null && after(ov[j])) j--;
  else while (j < n - 1 && ov[j + 1] !== null && !after(ov[j + 1])) j++;
  return j;
}`;
