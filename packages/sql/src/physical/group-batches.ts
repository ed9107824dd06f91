/**
 * The end of a partial aggregation's task (partial-aggregate.ts): its groups go out as one
 * GroupBatch per reduce partition, the key values' columns then the buffer values' columns. Key
 * columns are compacted (compactColumn: Int32Arrays, strings as codes into their values). With
 * typed accumulators every buffer value is a number or null, and each buffer column is written
 * straight into a Float64Array from the accumulators (an Int32Array when its values are all int32s,
 * as compactColumn keeps them); only a partition that has a null there (a sum of no value) builds
 * that partition's buffer columns as arrays. Before, every value was pushed onto an array (a heap
 * number each) and copied again by compactColumn. The columns are built in functions of their own,
 * not in the task's: a loop over the groups there made V8 optimize the task's function for it, and
 * deoptimize it at the next task.
 */
import type { CodegenContext } from './codegen/codegen-context.js';

/**
 * An empty array of any values (elements kind PACKED_ELEMENTS), for the group keys, buffers and
 * columns a task pushes: a task's fresh `[]` (small integers only) then has the kind the
 * optimized code saw. V8 keeps only the last kind a push site saw, so the first push of each task
 * after the first was a "wrong map" deoptimization (and compactColumn, given arrays of several
 * kinds, deoptimized as well).
 */
export const EMPTY_VALUES = '[null].slice(0, 0)';

export interface GroupBatchesSpec {
  /** The key value columns (arrays indexed by group). */
  readonly keyColumns: readonly string[];
  /** Each buffer value of group `g`, as an expression. */
  readonly bufferValues: readonly string[];
  /** Whether every buffer value is a number or null (typed accumulators). */
  readonly numeric: boolean;
  /** The variables the values read (the key columns, the accumulators), passed to the column builder. */
  readonly reads: readonly string[];
  readonly numPartitions: number;
  /** Statements that declare `partitionOf`, an Int32Array of each group's reduce partition. */
  readonly partitions: string;
}

/** Statements after the loop that return the task's [partition, GroupBatch] records. */
export function groupBatchesCode(ctx: CodegenContext, spec: GroupBatchesSpec): string {
  const { keyColumns, bufferValues, reads } = spec;
  const keyOut = keyColumns.map((_, i) => `k${i}`);
  const push = (targets: readonly string[], values: readonly string[]) => targets.map((t, i) => `${t}.push(${values[i]});`).join(' ');
  const keyValues = keyColumns.map((k) => `${k}[g]`);
  const params = `start, size, order, env, ${reads.join(', ')}`;
  const single = spec.numPartitions === 1;
  // With one reduce partition every group is in it; otherwise `order` lists partition p's groups at start..start+size.
  const eachGroup = (body: string) =>
    single
      ? `for (let g = 0; g < size; g++) {
    ${body}
  }`
      : `for (let j = start; j < start + size; j++) {
    const g = order[j];
    ${body}
  }`;
  const compactKeys = keyOut.map((k) => `env.compactColumn(${k}, true)`);
  let columns: string;
  if (spec.numeric) {
    const valueOut = bufferValues.map((_, i) => `v${i}`);
    const arrays = bufferValues.map((_, i) => `a${i}`);
    columns = `function groupColumns(${params}) {
  ${keyOut.map((k) => `const ${k} = ${EMPTY_VALUES};`).join(' ')}
  ${valueOut.map((v) => `const ${v} = new Float64Array(size);`).join(' ')}
  let n = 0, nulls = false;
  ${eachGroup(`${push(keyOut, keyValues)}
    let x;
    ${bufferValues.map((value, i) => `x = ${value}; if (x === null) nulls = true; else ${valueOut[i]}[n] = x;`).join('\n    ')}
    n++;`)}
  if (!nulls) return [${[...compactKeys, ...valueOut.map((v) => `env.narrowColumn(${v})`)].join(', ')}];
  ${arrays.map((k) => `const ${k} = ${EMPTY_VALUES};`).join(' ')}
  ${eachGroup(push(arrays, bufferValues))}
  return [${[...compactKeys, ...arrays.map((a) => `env.compactColumn(${a}, false)`)].join(', ')}];
}`;
  } else {
    const valueOut = bufferValues.map((_, i) => `a${i}`);
    columns = `function groupColumns(${params}) {
  ${[...keyOut, ...valueOut].map((k) => `const ${k} = ${EMPTY_VALUES};`).join(' ')}
  ${eachGroup(push([...keyOut, ...valueOut], [...keyValues, ...bufferValues]))}
  return [${[...compactKeys, ...valueOut.map((a) => `env.compactColumn(${a}, false)`)].join(', ')}];
}`;
  }
  ctx.addHelper('groupColumns', columns);
  ctx.addHelper(
    'groupBatches',
    `function groupBatches(partitionOf, env, groupCount, ${reads.join(', ')}) {
  if (groupCount === 0) return [];
  ${single ? `return [[0, [groupCount, groupColumns(0, groupCount, null, env, ${reads.join(', ')})]]];` : groupOrderCode(spec.numPartitions, reads)}
}`,
  );
  return `${spec.partitions}\nreturn groupBatches(partitionOf, env, groupCount, ${reads.join(', ')});`;
}

/**
 * Counting sort of the groups by reduce partition: `order` holds partition 0's groups, then
 * partition 1's, ..., so each partition's columns are built from its own groups only (a scan of
 * every group per partition was groups x partitions per task).
 */
function groupOrderCode(numPartitions: number, reads: readonly string[]): string {
  return `const sizes = new Int32Array(${numPartitions});
  for (let g = 0; g < groupCount; g++) sizes[partitionOf[g]]++;
  const starts = new Int32Array(${numPartitions});
  for (let p = 1; p < ${numPartitions}; p++) starts[p] = starts[p - 1] + sizes[p - 1];
  const cursor = starts.slice();
  const order = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) order[cursor[partitionOf[g]]++] = g;
  const out = [];
  for (let p = 0; p < ${numPartitions}; p++) if (sizes[p] > 0) out.push([p, [sizes[p], groupColumns(starts[p], sizes[p], order, env, ${reads.join(', ')})]]);
  return out;`;
}
