/**
 * The row loop over a scan's column batches as a function of the generated module (created once
 * per thread with the compiled function), its variables passed in one state array: each task's
 * function keeps the array and calls the loop per batch. V8 then optimizes the loop once per
 * thread and keeps its type feedback across tasks; a loop made per task (a closure over the task's
 * variables) was optimized again and again — four compilations and a deoptimization per thread in
 * a Parquet group-by, each a stretch of rows run unoptimized. The state is an array, not an
 * object: V8 tracks an object's field types, and a task's fresh object (keys arrays changing
 * element kinds as they fill) deoptimized the loop's code that relied on them.
 *
 * The loop gets the batch's column and dictionary arrays, not the batch: a batch object's map (its
 * hidden class) dies with the task's batches when the thread collects garbage between tasks, the
 * type feedback on `scanBatch.columns` went with it, and the next task's first call deoptimized
 * the loop compiled for the whole function (arrays' maps live as long as the thread).
 */
import type { CodegenContext } from './codegen/codegen-context.js';
import { loadVars, loopVar, storeVars, type LoopVar } from './codegen/loop-state.js';
import type { LoopRowCounts } from './row-counter.js';

const LOOP_FUNCTION = 'scanBatchRows';
const STATE = 'loopState';
/**
 * Each batch's first rows go in a call of their own: the code after the loop (storing the state)
 * then has run before V8 optimizes the loop within a longer call, else the optimized loop is
 * deoptimized where it first returns.
 */
const FIRST_CALL_ROWS = 64;
/**
 * The rest of a batch goes in calls of at most this many rows. V8 then optimizes the loop as a
 * function, entered on the next call, while the first task still runs: with one call for a
 * Parquet row group's million rows it could only replace the running loop (on-stack), code no
 * later call enters, so the second task ran its row group unoptimized until a whole-function
 * compilation finished and the third compiled again (three compilations per thread, each after a
 * stretch of slow rows; now the first task's).
 */
const CALL_ROWS = 16_384;

/** The loop function's parameters for the batch's columns and dictionaries (the row loop reads them). */
export const BATCH_COLUMNS = 'batchColumns';
export const BATCH_DICTIONARIES = 'batchDictionaries';

export interface BatchLoopParts {
  /** Variables the caller declares before the loop and reads after it. */
  readonly outer: readonly LoopVar[];
  /** Variables of the loop only. */
  readonly state: readonly LoopVar[];
  /** Statements once per batch before its rows (over `scanBatch` and the variables). */
  readonly batch: readonly string[];
  /** The loop over rows `batchFrom` to `batchTo` of `scanBatch`, its column reads before it. */
  readonly rowLoop: string;
  readonly counts: LoopRowCounts;
  /** The statement after a batch's rows that hands it back to its scan (pipeline.ts). */
  readonly release: string;
  /** Statements once after the last batch (over the variables). */
  readonly after: readonly string[];
}

/** The task function's code: the state array, the calls per batch, then `outer` as its locals. */
export function topLevelBatchLoop(ctx: CodegenContext, parts: BatchLoopParts): string {
  // The context's temporaries (row counts, a partition's random generator) go through the state too, from the task's locals and back.
  const temps = ctx.tempNames();
  const vars = [...parts.outer, ...parts.state, ...temps.map((t) => loopVar(t, 'undefined'))];
  const tempSlot = (i: number) => `${STATE}[${parts.outer.length + parts.state.length + i}]`;
  const partitionIndex = ctx.usesPartitionIndex ? 'partitionIndex' : 'undefined';
  const params = `${STATE}, env, partitionIndex, ${BATCH_COLUMNS}, ${BATCH_DICTIONARIES}, batchFrom, batchTo`;
  ctx.addHelper(LOOP_FUNCTION, `function ${LOOP_FUNCTION}(${params}) {\n${loadVars(vars, STATE)}\n${parts.rowLoop}\n${storeVars(vars, STATE)}\n}`);
  const call = (from: string, to: string) => `${LOOP_FUNCTION}(${STATE}, env, ${partitionIndex}, scanBatch.columns, scanBatch.dictionaries, ${from}, ${to});`;
  const withVars = (statements: readonly string[]) => (statements.length === 0 ? '' : `{\n${loadVars(vars, STATE)}\n${statements.join('\n')}\n${storeVars(vars, STATE)}\n}\n`);
  const perBatch = withVars(parts.batch);
  const loop = `${temps.map((t, i) => `${tempSlot(i)} = ${t};`).join(' ')}
for (const scanBatch of input) {
${perBatch}const firstRows = Math.min(${FIRST_CALL_ROWS}, scanBatch.length);
${call('0', 'firstRows')}
for (let callFrom = firstRows; callFrom < scanBatch.length; callFrom += ${CALL_ROWS}) ${call('callFrom', `Math.min(callFrom + ${CALL_ROWS}, scanBatch.length)`)}
${parts.release}}
${temps.map((t, i) => `${t} = ${tempSlot(i)};`).join(' ')}`;
  const outer = parts.outer.map((v, i) => `${v.assigned ? 'let' : 'const'} ${v.name} = ${STATE}[${i}];`).join(' ');
  return `const ${STATE} = [${vars.map((v) => v.init).join(', ')}];\n${parts.counts.around(loop)}\n${withVars(parts.after)}${outer}`;
}
