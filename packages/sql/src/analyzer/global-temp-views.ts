/** Spark's database of global temporary views: `df.createGlobalTempView('people')` is read as `global_temp.people`. */
export const GLOBAL_TEMP_DATABASE = 'global_temp';

/** `name` of `global_temp.name`, else undefined. */
export function globalViewName(table: string): string | undefined {
  const dot = table.indexOf('.');
  return dot > 0 && table.slice(0, dot).toLowerCase() === GLOBAL_TEMP_DATABASE ? table.slice(dot + 1) : undefined;
}
