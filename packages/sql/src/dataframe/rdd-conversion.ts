/**
 * Row conversion that runs on workers, as generated functions: user rows of an RDD into engine
 * rows (`rdd.toDF`, `createDataFrame(rdd, schema)`) and engine rows into user row objects
 * (`df.rdd`). Dates and timestamps convert at the top level of a row.
 */
import type { StructType } from '../types/index.js';
import { CodegenContext, generatedFunction } from '../physical/codegen/codegen-context.js';

const DAY_MS = 86400000;

function toEngine(value: string, typeName: string): string {
  switch (typeName) {
    case 'date':
      return `(${value} instanceof Date ? Math.floor(${value}.getTime() / ${DAY_MS}) : ${value} ?? null)`;
    case 'timestamp':
    case 'timestamp_ntz':
      return `(${value} instanceof Date ? ${value}.getTime() : ${value} ?? null)`;
    default:
      return `(${value} ?? null)`;
  }
}

function toUser(value: string, typeName: string): string {
  switch (typeName) {
    case 'date':
      return `(${value} === null ? null : new Date(${value} * ${DAY_MS}))`;
    case 'timestamp':
    case 'timestamp_ntz':
      return `(${value} === null ? null : new Date(${value}))`;
    default:
      return value;
  }
}

/**
 * One user row (an array or an object) as an engine row: an element-wise step, so a partition's
 * rows stream through it rather than being held in one array (`rdd.toDF`, `createDataFrame(rdd)`).
 */
export function rowToEngine(schema: StructType): (row: unknown) => unknown[] {
  const fields = schema.fields;
  const fromArray = fields.map((f, i) => toEngine(`row[${i}]`, f.dataType.typeName())).join(', ');
  const fromObject = fields.map((f) => toEngine(`row[${JSON.stringify(f.name)}]`, f.dataType.typeName())).join(', ');
  const body = `if (row === null || typeof row !== 'object') throw new Error('toDF: each element must be an array or an object, got ' + typeof row);
return Array.isArray(row) ? [${fromArray}] : [${fromObject}];`;
  return generatedFunction(new CodegenContext(), ['row', 'env'], body, 'toDF');
}

/** One engine row as a user row object: an element-wise step, so a partition's rows stream through it. */
export function rowToUser(schema: StructType): (row: unknown[]) => Record<string, unknown> {
  const entries = schema.fields.map((f, i) => `${JSON.stringify(f.name)}: ${toUser(`row[${i}]`, f.dataType.typeName())}`).join(', ');
  return generatedFunction(new CodegenContext(), ['row', 'env'], `return { ${entries} };`, 'df.rdd');
}
