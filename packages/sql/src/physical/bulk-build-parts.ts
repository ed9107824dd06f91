/**
 * A broadcast join's build side read from a scan without a row loop: when the small side is a
 * scan's columns as they are (only projections of plain column reads) and its one key is a column
 * of a batch that arrives as a typed array (no nulls, so every row is kept), the batch becomes a
 * build part whole — the key column itself, each carried column as it is (a Parquet dictionary
 * column as its codes and dictionary). A batch of another form goes through the row loop. Reading
 * a million customers' (customer_id, segment) cost ~150 ms of pushes, compaction and a Map lookup
 * per string; as parts it is a copy of the codes, with the join's other thread waiting less.
 */
import type { Expr } from '../expr/expression.js';
import type { CodegenContext } from './codegen/codegen-context.js';
import { encodedRead } from './codegen/encoded-read.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { outputAfter, type BatchPrologue, type Pipeline } from './pipeline.js';
import { JOIN_COLUMN_RUNTIME } from './runtime/join-columns.js';
import { KEY_RUN_RUNTIME } from './runtime/key-runs.js';

/** A plain read of batch column `col<i>` (the code genLoop binds a scan's column to). */
const PLAIN_READ = /^col\d+\[scanRow\]$/;

/**
 * The prologue (genLoop's) that pushes a batch whose key column is a typed array to `parts` as a
 * BuildPart and skips its rows; undefined when the small side or its key does not allow it.
 * `carried`: which of the small side's output columns the table carries.
 */
export function bulkBuildPrologue(small: Pipeline, buildKeys: readonly Expr[], carried: readonly boolean[], ctx: CodegenContext, parts: string): BatchPrologue | undefined {
  if (!small.columnar || small.adaptiveProbe !== undefined || buildKeys.length !== 1 || !small.steps.every((step) => step.kind === 'project')) return undefined;
  return (vars: Bindings) => {
    const key = genExpr(buildKeys[0], vars, ctx);
    const reads = outputAfter(small).map((a) => vars.get(a.id)!).map((code) => (PLAIN_READ.test(code) ? { column: code.slice(0, -'[scanRow]'.length), dictionary: 'undefined' } : batchRead(code)));
    if (!PLAIN_READ.test(key) || reads.some((read, i) => carried[i] && read === undefined)) return '';
    ctx.env.batchJoinColumn = JOIN_COLUMN_RUNTIME.ref('batchJoinColumn');
    ctx.env.keyRunOf = KEY_RUN_RUNTIME.ref('keyRunOf');
    const keyColumn = key.slice(0, -'[scanRow]'.length);
    const values = reads.map((read, i) => (carried[i] ? `env.batchJoinColumn(${read!.column}, ${read!.dictionary}, scanBatch.length)` : 'null'));
    return `if (ArrayBuffer.isView(${keyColumn})) { ${parts}.push([env.keyRunOf(${keyColumn}.subarray(0, scanBatch.length)), [${values.join(', ')}]]); return; }`;
  };
}

/** The batch column and dictionary of an encoded read of a scan batch (`dict<i>`, `col<i>[scanRow]`). */
function batchRead(code: string): { column: string; dictionary: string } | undefined {
  const read = encodedRead(code);
  if (read === undefined || !PLAIN_READ.test(read.codes)) return undefined;
  return { column: read.codes.slice(0, -'[scanRow]'.length), dictionary: read.dictionary };
}
