/**
 * The JavaScript function behind each UDF's source text, kept on the driver so that a task's
 * stack frame inside a UDF, compiled into a stage's generated code, is shown at the line the user
 * wrote it (rdd's recordOrigins/placeShippedFrames), as an RDD function's is.
 */
const MAX_FUNCTIONS = 2_000;
const bySource = new Map<string, Function>();

export function rememberUdfFunction(source: string, fn: Function): void {
  bySource.delete(source);
  if (bySource.size >= MAX_FUNCTIONS) bySource.delete(bySource.keys().next().value!);
  bySource.set(source, fn);
}

export function udfFunction(source: string): Function | undefined {
  return bySource.get(source);
}
