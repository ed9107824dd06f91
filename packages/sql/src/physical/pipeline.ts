/**
 * Whole-stage code generation for narrow operators. Filters and projections over one input are
 * collected into a Pipeline and compiled, with whatever consumes their rows (an output row, a
 * hash-aggregation buffer update, a join key), into ONE generated loop: each projected column is
 * a local variable, each filter a `continue`, so a stage runs as one tight function per partition.
 */
import { FnRef, withPreJobStep, type Broadcast, type MapPartitionsNode, type RDD } from '@flint/rdd';
import type { Attr, Expr, NamedExpr } from '../expr/expression.js';
import { namedToAttr } from '../plan/output.js';
import { CodegenContext, generatedFunction } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { lookupFunction, type GeneratorFunction } from '../expr/registry.js';
import { genProbe, probeTableName, withUniqueMatches, type BroadcastProbe, type BuildTable } from './broadcast-probe.js';
import type { ColumnBatch } from '../io/column-batch.js';
import { IO_RUNTIME } from '../io/io-runtime.js';
import { LoopRowCounts, type RowCounter } from './row-counter.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { encodedRead, encodedValue } from './codegen/encoded-read.js';
import { declaredNames, declareVars, loopVar, type LoopVar } from './codegen/loop-state.js';
import { BATCH_COLUMNS, BATCH_DICTIONARIES, topLevelBatchLoop } from './batch-loop.js';

/** `rows`: counts the rows out of the step (a filter's passing rows, a generator's items), row-counter.ts. */
export type Step =
  | { readonly kind: 'filter'; readonly condition: Expr; readonly rows?: RowCounter }
  /** Each row yields one row per element of an array (or entry of a map): a nested loop in the generated code. */
  | { readonly kind: 'generate'; readonly generator: Extract<Expr, { kind: 'call' }>; readonly outer: boolean; readonly output: readonly Attr[]; readonly rows?: RowCounter }
  | { readonly kind: 'project'; readonly exprs: readonly NamedExpr[] }
  /** Statements each row runs, its columns in `vars` (df.observe's metrics: physical/observed-metrics.ts). */
  | { readonly kind: 'observe'; readonly update: (vars: Bindings, ctx: CodegenContext) => string }
  /** Each row runs the steps after it `count` times (a sample with replacement): a loop in the generated code. */
  | { readonly kind: 'repeat'; readonly count: Expr; readonly rows?: RowCounter }
  /** An inner broadcast hash join, probed row by row (broadcast-probe.ts): a nested loop over the matches. */
  | { readonly kind: 'probe'; readonly probe: BroadcastProbe; readonly rows?: RowCounter };

export interface Pipeline {
  /** Rows as arrays, or (when `columnar`) column batches of a file scan (io/column-batch.ts). */
  readonly base: RDD<unknown>;
  readonly baseOutput: readonly Attr[];
  readonly steps: readonly Step[];
  readonly columnar?: boolean;
  /**
   * The positions of `baseOutput` a columnar base's scan was told to read (default all): the loop
   * reads only these of a batch, and the others, which hold no values (io/column-batch.ts), are null.
   */
  readonly readColumns?: readonly number[];
  /** Column batches of a sample of `base`'s rows, when its source can read one cheaply (a CSV or Parquet scan). */
  readonly sampleBase?: RDD<unknown>;
  /** Counts the base's rows as the loop reads them: the output rows of the operator that made the base. */
  readonly baseRows?: RowCounter;
  /** Rows of a shuffled join that adaptive execution may switch to a broadcast join fused into the stream side (adaptive/fused-switch.ts). */
  readonly adaptiveProbe?: AdaptiveProbe;
}

/** The fused form of a shuffled join's rows (adaptive/fused-switch.ts). */
export interface AdaptiveProbe {
  /** The stream side's pipeline with the probe as its last step: what the loop runs over once switched. */
  readonly stream: Pipeline;
  /** Whether adaptive execution made the switch (the probe's table is then ready to load). */
  readonly switched: () => boolean;
}

/** The env flag that makes a generated function run its fused loop (genLoop). */
const FUSED_FLAG = 'adaptiveFused';

export function outputAfter(p: Pipeline): readonly Attr[] {
  let output = p.baseOutput;
  for (const step of p.steps) {
    if (step.kind === 'project') output = step.exprs.map(namedToAttr);
    if (step.kind === 'generate') output = [...output, ...step.output];
    if (step.kind === 'probe') output = step.probe.output;
  }
  return output;
}

export const pipelineOf = (base: RDD<unknown[]>, baseOutput: readonly Attr[]): Pipeline => ({ base, baseOutput, steps: [] });

/** A pipeline over a scan's column batches. */
export const columnarPipelineOf = (base: RDD<ColumnBatch>, baseOutput: readonly Attr[], readColumns?: readonly number[], sampleBase?: RDD<ColumnBatch>): Pipeline => ({
  base,
  baseOutput,
  steps: [],
  columnar: true,
  readColumns,
  sampleBase,
});

export const withStep = (p: Pipeline, step: Step): Pipeline => ({ ...p, steps: [...p.steps, step] });

/** The pipeline without its row counters and observed metrics: for a job that reads the rows only to plan the query (a sort's sampling). */
export const withoutRowCounts = (p: Pipeline): Pipeline => ({
  ...p,
  baseRows: undefined,
  adaptiveProbe: undefined,
  steps: p.steps.flatMap((step): Step[] => (step.kind === 'observe' ? [] : step.kind === 'project' ? [step] : [{ ...step, rows: undefined }])),
});

/** The pipeline with its last step, a broadcast join's probe, counting the join's output rows. */
export function withProbeRowsCounted(p: Pipeline, rows: RowCounter): Pipeline {
  const last = p.steps.at(-1);
  return last?.kind === 'probe' ? { ...p, steps: [...p.steps.slice(0, -1), { ...last, rows }] } : p;
}

/**
 * The body of a loop over the partition's rows (`row`), running the pipeline's steps, then
 * `sink` with the bindings of the pipeline's output columns: the statements each row runs, or
 * those and the declarations they need before the loop (`before`). Over a shuffled join's rows
 * that adaptive execution may switch to a fused broadcast join, the loop is generated both ways
 * (the sink called for each, its declarations in each branch) and the env flag picks one
 * (withFusedSwitch sets it and the input).
 */
export function genLoop(p: Pipeline, ctx: CodegenContext, sink: Sink, batchFunction = false, batchPrologue?: BatchPrologue): string {
  const fused = fusedAlternative(p);
  if (fused === undefined) return genOneLoop(p, ctx, sink, batchFunction, batchPrologue);
  return `if (env.${FUSED_FLAG} === true) {\n${genOneLoop(fused, ctx, sink, batchFunction)}\n} else {\n${genOneLoop(p, ctx, sink, batchFunction)}\n}`;
}

/** The pipeline's steps over the fused join instead of its rows (none over a pipeline with probes of its own: their tables' names would clash). */
function fusedAlternative(p: Pipeline): Pipeline | undefined {
  if (p.adaptiveProbe === undefined || p.steps.some((step) => step.kind === 'probe')) return undefined;
  const stream = p.adaptiveProbe.stream;
  return { ...stream, steps: [...stream.steps, ...p.steps] };
}

/**
 * What a loop runs per row, given the row's bindings (genLoop): statements, or those and what they
 * need before the loop — declarations (`before`), variables kept from row to row (`state`), and
 * statements to run when a row may come from another batch than the previous row (`batch`: once
 * per batch where the loop is a function of its own, genBatchLoop; else before each row). It reads
 * values, and keeps no column of a scan's batch.
 */
export type Sink = (vars: Bindings) => string | SinkCode;

export interface SinkCode {
  readonly before?: string;
  readonly state?: readonly LoopVar[];
  readonly batch?: readonly string[];
  readonly each: string;
  /** Statements once after the last row, over the variables (a group-by's cell accumulators merged into its groups). */
  readonly after?: readonly string[];
}

/**
 * Statements each column batch runs before its rows, given the bindings of the pipeline's output
 * (for a loop over a scan's batches in a batch function, without the fused alternative: genLoop
 * drops it otherwise); a `return` skips the batch's rows. A loop with a prologue may keep the
 * batch's columns (a join's bulk build keeps views of them): it does not release its batches.
 */
export type BatchPrologue = (vars: Bindings) => string;

/**
 * genLoop over a scan's column batches (else over rows) for a sink that keeps the variables
 * `outer` (declared here, read after the loop): the row loop is a function of the generated module
 * (batch-loop.ts) unless the pipeline may switch to a fused join or declares more before the loop
 * than plain declarations; then a loop in the task's function.
 */
export function genBatchLoop(p: Pipeline, ctx: CodegenContext, sink: Sink, outer: readonly LoopVar[]): string {
  if (fusedAlternative(p) !== undefined) return `${declareVars(outer)}\n${genLoop(p, ctx, sink, true)}`;
  return genOneLoop(p, ctx, sink, true, undefined, outer);
}

function genOneLoop(p: Pipeline, ctx: CodegenContext, sink: Sink, batchFunction: boolean, batchPrologue?: BatchPrologue, outer?: readonly LoopVar[]): string {
  const read = batchColumnsRead(p);
  let vars: Bindings = new Map<number, string>(p.baseOutput.map((a, i) => [a.id, !p.columnar ? `row[${i}]` : read.includes(i) ? batchValue(a, i) : 'null']));
  const lines: string[] = [];
  const hoisted: string[] = [];
  let column = 0;
  let loops = 0;
  let probes = 0;
  const counts = new LoopRowCounts(ctx);
  if (!p.columnar) lines.push(...counts.add(p.baseRows));
  for (const step of p.steps) {
    if (step.kind === 'filter') {
      lines.push(`if (${genExpr(step.condition, vars, ctx)} !== true) continue;`, ...counts.add(step.rows));
      continue;
    }
    if (step.kind === 'generate') {
      vars = genGenerate(step, vars, ctx, loops++, lines);
      lines.push(...counts.add(step.rows));
      continue;
    }
    if (step.kind === 'observe') {
      lines.push(step.update(vars, ctx));
      continue;
    }
    if (step.kind === 'repeat') {
      lines.push(`for (let copy${loops} = ${genExpr(step.count, vars, ctx)}; copy${loops} > 0; copy${loops}--) {`, ...counts.add(step.rows));
      loops++;
      continue;
    }
    if (step.kind === 'probe') {
      vars = genProbe(step.probe, probes++, vars, ctx, hoisted, lines);
      lines.push(...counts.add(step.rows));
      loops++;
      continue;
    }
    const next = new Map<number, string>();
    for (const e of step.exprs) {
      const attr = namedToAttr(e);
      const code = genExpr(e, vars, ctx);
      // A column read stays as its read (a dictionary column's too: a consumer may use its codes, encodedRead).
      if (/^(row\[\d+\]|col\d+\[scanRow\]|c\d+)$/.test(code) || encodedRead(code) !== undefined) {
        next.set(attr.id, code);
      } else {
        const name = `c${column++}`;
        lines.push(`const ${name} = ${code};`);
        next.set(attr.id, name);
      }
    }
    vars = next;
  }
  const sunk = sink(vars);
  const prologue = p.columnar && batchFunction && batchPrologue !== undefined ? `${batchPrologue(vars)}\n` : '';
  // Declarations before the loop (a probe's table parts) reach a loop function through the state by name.
  const hoistedNames = hoisted.map(declaredNames);
  const topLevel = outer !== undefined && p.columnar === true && hoistedNames.every((n) => n !== undefined) && typeof sunk !== 'string' && sunk.before === undefined;
  if (typeof sunk === 'string') lines.push(sunk);
  else {
    if (sunk.before !== undefined) hoisted.push(sunk.before);
    if (!topLevel && sunk.state !== undefined) hoisted.push(declareVars(sunk.state));
    lines.push(...(topLevel ? [] : (sunk.batch ?? [])), sunk.each);
  }
  if (outer !== undefined && !topLevel) hoisted.unshift(declareVars(outer));
  // The scratch variables again in each row's scope: assigned in a hot loop inside the row
  // counters' try block, the function-level ones halved a group-by's speed (V8 keeps variables
  // that the finally block could see in memory, not registers).
  const scratch = ctx.scratchNames();
  if (scratch.length > 0) lines.unshift(`let ${scratch.join(', ')};`);
  const prelude = hoisted.map((h) => `${h}\n`).join('');
  const after = typeof sunk === 'string' || sunk.after === undefined ? '' : `\n${sunk.after.join('\n')}`;
  const body = `${lines.join('\n  ')}\n${'}'.repeat(loops)}}`;
  if (!p.columnar) return prelude + counts.around(`for (const row of input) {\n  ${body}`) + after;
  // Over column batches: a counted loop over each batch's rows, its columns in locals.
  const dictionaryReads = (dictionaries: string) => read.flatMap((i) => (mayBeEncoded(p.baseOutput[i]) ? [`const dict${i} = ${dictionaries}?.[${i}];`] : []));
  const columnReads = (columns: string) => read.map((i) => `const col${i} = ${columns}[${i}];`);
  const dictionaries = dictionaryReads('scanBatch.dictionaries');
  if (topLevel) {
    const sunkCode = sunk as SinkCode;
    const reads = [...columnReads(BATCH_COLUMNS), ...dictionaryReads(BATCH_DICTIONARIES), ...counts.add(p.baseRows, '(batchTo - batchFrom)')].join(' ');
    const rowLoop = `${reads}\nfor (let scanRow = batchFrom; scanRow < batchTo; scanRow++) {\n  ${body}`;
    const shared = hoistedNames.flatMap((names) => names!.map((name) => loopVar(name, name, false)));
    const state = [...(sunkCode.state ?? []), ...shared];
    return prelude + topLevelBatchLoop(ctx, { outer: outer!, state, batch: [...dictionaries, ...(sunkCode.batch ?? [])], rowLoop, counts, release: releaseBatch(ctx), after: sunkCode.after ?? [] });
  }
  const columns = [...columnReads('scanBatch.columns'), ...dictionaries, ...counts.add(p.baseRows, 'scanBatch.length')].join(' ');
  const rows = `${columns}\n${prologue}for (let scanRow = 0; scanRow < scanBatch.length; scanRow++) {\n  ${body}`;
  // A batch whose rows are all read goes back to its scan for the next one (io/column-pool.ts): a
  // sink reads values only, so only a prologue (a join's bulk build) may keep the batch's columns.
  const release = prologue === '' ? releaseBatch(ctx) : '';
  if (!batchFunction) return prelude + counts.around(`for (const scanBatch of input) {\n${rows}\n${release}}`) + after;
  // The row loop in a function of its own, called per batch: V8 optimizes it once for the thread's
  // tasks, where a loop inside the task's function was deoptimized at the end of every batch (on
  // code after it that had not run yet) and ran slow again through the next tasks' first rows.
  return prelude + counts.around(`const scanBatchRows = (scanBatch) => {\n${rows}\n};\nfor (const scanBatch of input) {\nscanBatchRows(scanBatch);\n${release}}`) + after;
}

/** The statement that hands the loop's current batch back to its scan. */
function releaseBatch(ctx: CodegenContext): string {
  ctx.env.releaseBatch = IO_RUNTIME.ref('releaseBatch');
  return 'env.releaseBatch(scanBatch);\n';
}

/** The positions of a columnar base's batch columns that hold values (Pipeline.readColumns). */
const batchColumnsRead = (p: Pipeline): readonly number[] => p.readColumns ?? p.baseOutput.map((_, i) => i);

/** Whether a scan may hand the column over dictionary-encoded (io/column-batch.ts): strings only. */
const mayBeEncoded = (a: Attr) => a.dataType.typeName() === 'string';

/** Column i's value in the current row of a column batch. */
function batchValue(a: Attr, i: number): string {
  return mayBeEncoded(a) ? encodedValue(`dict${i}`, `col${i}`, 'scanRow') : `col${i}[scanRow]`;
}

/**
 * Opens a loop over the generator's items (array elements or map entries) inside the row loop;
 * the steps after it run once per item. Returns the bindings with the generated columns.
 */
function genGenerate(step: Extract<Step, { kind: 'generate' }>, vars: Bindings, ctx: CodegenContext, n: number, lines: string[]): Map<number, string> {
  const g = `g${n}`;
  const def = lookupFunction(step.generator.name);
  if (def?.type === 'generator' && def.genRows) return genGeneratedRows(def, step, vars, ctx, g, lines);
  lines.push(`const ${g}in = ${genExpr(step.generator.args[0], vars, ctx)};`);
  lines.push(`const ${g}items = ${g}in === null ? [] : ${g}in instanceof Map ? [...${g}in] : ${g}in;`);
  lines.push(`const ${g}len = ${g}items.length === 0 && ${step.outer} ? 1 : ${g}items.length;`);
  lines.push(`for (let ${g}i = 0; ${g}i < ${g}len; ${g}i++) {`);
  lines.push(`const ${g} = ${g}i < ${g}items.length ? ${g}items[${g}i] : null;`);
  const values = step.generator.name.startsWith('posexplode') ? [`(${g}i < ${g}items.length ? ${g}i : null)`] : [];
  const isMap = step.output.length - values.length === 2;
  if (isMap) values.push(`(${g} === null ? null : ${g}[0])`, `(${g} === null ? null : ${g}[1])`);
  else values.push(g);
  const next = new Map(vars);
  step.output.forEach((a, i) => next.set(a.id, values[i]));
  return next;
}

/** A generator that gives its rows as arrays of its columns' values (stack, inline, json_tuple): a loop over them; a null row is all nulls. */
function genGeneratedRows(def: GeneratorFunction, step: Extract<Step, { kind: 'generate' }>, vars: Bindings, ctx: CodegenContext, g: string, lines: string[]): Map<number, string> {
  ctx.addHelpers(def.helpers);
  const args = step.generator.args;
  lines.push(`const ${g}items = ${def.genRows!(args.map((a) => genExpr(a, vars, ctx)), args.map(dataTypeOf))};`);
  lines.push(`const ${g}len = ${g}items.length === 0 && ${step.outer} ? 1 : ${g}items.length;`);
  lines.push(`for (let ${g}i = 0; ${g}i < ${g}len; ${g}i++) {`);
  lines.push(`const ${g} = ${g}items[${g}i] ?? null;`);
  const next = new Map(vars);
  step.output.forEach((a, i) => next.set(a.id, `(${g} === null ? null : ${g}[${i}])`));
  return next;
}

/** Output rows as arrays, in the order of `output`. */
export function rowOf(output: readonly Attr[], vars: Bindings): string {
  return `[${output.map((a) => vars.get(a.id)).join(', ')}]`;
}

/** The rows of a pipeline as an RDD: its base when it has no steps, else one generated map over partitions. */
export function materialize(p: Pipeline, site: string): RDD<unknown[]> {
  if (p.steps.length === 0 && !p.columnar) return p.base as RDD<unknown[]>;
  const ctx = new CodegenContext();
  const output = outputAfter(p);
  return streamPartitionsGenerated(p, ctx, genLoop(p, ctx, (vars) => `yield ${rowOf(output, vars)};`), site);
}

/** What generated code runs over: a pipeline (its base's partitions, with its probes' tables) or an RDD. */
export type GeneratedInput = Pipeline | RDD<unknown>;

/**
 * Runs generated code `body` that yields its output rows: a generator, so rows flow to the
 * consumer (the next operator, a shuffle write) one at a time instead of being kept in an array
 * until the partition ends — retained arrays of small rows cost far more in garbage collection.
 */
export function streamPartitionsGenerated<T>(input: GeneratedInput, ctx: CodegenContext, body: string, site: string): RDD<T> {
  return withFusedSwitch(input, withProbeTables(input, overPartitions(baseOf(input), ctx, body, site, true)));
}

/** Runs generated code `body` (over `input`, with `env`) on each partition. */
export function mapPartitionsGenerated<T>(input: GeneratedInput, ctx: CodegenContext, body: string, site: string): RDD<T> {
  return withFusedSwitch(input, withProbeTables(input, overPartitions(baseOf(input), ctx, body, site, false)));
}

/** The generated function over each partition of `base`, given the partition's index when its code reads it. */
function overPartitions<T>(base: RDD<unknown>, ctx: CodegenContext, body: string, site: string, generator: boolean): RDD<T> {
  if (!ctx.usesPartitionIndex) return base.mapPartitions(generatedFunction(ctx, ['input', 'env'], body, site, generator));
  return base.mapPartitionsWithIndex(generatedFunction(ctx, ['partitionIndex', 'input', 'env'], body, site, generator));
}

const isPipeline = (input: GeneratedInput): input is Pipeline => 'steps' in input && 'baseOutput' in input;

const baseOf = (input: GeneratedInput): RDD<unknown> => (isPipeline(input) ? input.base : input);

/** The generated map with a pre-job step that puts the tables of the pipeline's broadcast probes in its env (genProbe reads them there). */
function withProbeTables<T>(input: GeneratedInput, generated: RDD<T>): RDD<T> {
  if (!isPipeline(input) || !input.steps.some((step) => step.kind === 'probe')) return generated;
  return withPreJobStep(generated, async (node) => {
    const tables = await probeTables(input);
    const env = { ...node.fn.env, ...tables };
    return { ...node, fn: new FnRef(withUniqueMatches(node.fn.source, Object.values(tables)), env, node.fn.site), beforeJob: undefined };
  });
}

/** The tables of the pipeline's probes, under the env names genProbe reads. */
async function probeTables(p: Pipeline): Promise<Record<string, Broadcast<BuildTable>>> {
  const probes = p.steps.flatMap((step) => (step.kind === 'probe' ? [step.probe] : []));
  const tables = await Promise.all(probes.map((probe) => probe.table()));
  return Object.fromEntries(tables.map((table, i) => [probeTableName(i), table]));
}

/**
 * The generated map over a shuffled join's rows with a pre-job step that, once adaptive execution
 * has switched the join to a broadcast join over the unshuffled stream side (its own pre-job step,
 * run first: parents are prepared first), runs the fused loop over the stream side's partitions.
 */
function withFusedSwitch<T>(input: GeneratedInput, generated: RDD<T>): RDD<T> {
  const fused = isPipeline(input) ? fusedAlternative(input) : undefined;
  if (fused === undefined) return generated;
  return addPreJobStep(generated, async (node) => {
    if (!(input as Pipeline).adaptiveProbe!.switched()) return { ...node, beforeJob: undefined };
    const env = { ...node.fn.env, ...(await probeTables(fused)), [FUSED_FLAG]: true };
    return { ...node, parent: fused.base, fn: new FnRef(node.fn.source, env, node.fn.site), beforeJob: undefined };
  });
}

/** `rdd` (a mapPartitions) with `step` run before its jobs, after the pre-job step it already has (a probe's tables). */
export function addPreJobStep<T>(rdd: RDD<T>, step: (node: MapPartitionsNode) => Promise<MapPartitionsNode>): RDD<T> {
  const before = (rdd.node as MapPartitionsNode).beforeJob;
  return withPreJobStep(rdd, async (node) => step(before === undefined ? node : await before(node)));
}
