/**
 * The SQL package's task functions (`runtime:sql.*`: readers, writers, spilling operators) are
 * registered on a thread by the first task whose stage refers to one. A thread that only runs RDD
 * code then starts without SQL and Parquet: about 110 fewer modules, roughly half of a task
 * thread's start-up CPU.
 */
// How a stage names the SQL runtime, as plain UTF-8 strings in its encoded bytes: a runtime
// function's reference, or a generated function's call of a global the runtime installs under
// Symbol.for('flint.sql.…') (sql's physical/codegen/cast-runtime.ts).
const SQL_MARKERS = [Buffer.from('runtime:sql.'), Buffer.from('flint.sql.')];

let sqlRuntime: Promise<unknown> | undefined;

/** Loads the SQL runtime if this encoded stage names one of its functions (once per thread). */
export function sqlRuntimeFor(stage: Uint8Array): Promise<unknown> | undefined {
  if (sqlRuntime !== undefined) return sqlRuntime;
  const bytes = Buffer.from(stage.buffer, stage.byteOffset, stage.byteLength);
  if (!SQL_MARKERS.some((marker) => bytes.includes(marker))) return undefined;
  sqlRuntime = import('@flint/sql/runtime');
  return sqlRuntime;
}
