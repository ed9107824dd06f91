/**
 * Spark 4's errors for an array index past the array (QueryExecutionErrors): `a[i]` and elt raise
 * INVALID_ARRAY_INDEX and element_at INVALID_ARRAY_INDEX_IN_ELEMENT_AT under ANSI
 * (spark.sql.ansi.enabled=true, the default), null otherwise; element_at's index 0 is
 * INVALID_INDEX_OF_ZERO in every mode (try_element_at too). Generated code throws through these
 * helpers, appending the query context (query-context.ts) when the expression has one.
 */
import type { EvalMode } from './expression.js';

const outOfBounds = (hint: string) =>
  `'The index ' + index + ' is out of bounds. The array has ' + size + ' elements. ${hint} to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003'`;

export const ARRAY_INDEX_HELPERS: Readonly<Record<string, string>> = {
  sqlInvalidArrayIndex: `const sqlInvalidArrayIndex = (index, size, context = '') => { throw new Error('[INVALID_ARRAY_INDEX] ' + ${outOfBounds('Use the SQL function `get()`')} + context); };`,
  sqlElementAt: `function sqlElementAt(a, index, fail, context = '') {
  const i = Number(index), size = a.length;
  if (Math.abs(i) > size) {
    if (fail) throw new Error('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] ' + ${outOfBounds('Use `try_element_at`')} + context);
    return null;
  }
  if (i === 0) throw new Error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003' + context);
  return a[i > 0 ? i - 1 : size + i] ?? null;
}`,
};

/** Code for what an index past an array of `size` (code) gives: the error under ANSI, else null. */
export function invalidArrayIndexCode(index: string, size: string, evalMode: EvalMode | undefined, context: string | undefined): string {
  return evalMode === undefined ? `sqlInvalidArrayIndex(${index}, ${size}${context === undefined ? '' : `, ${context}`})` : 'null';
}
