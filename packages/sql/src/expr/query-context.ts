/**
 * Spark's SQL query context: the fragment of the query text an expression was parsed from, which
 * a runtime error (DIVIDE_BY_ZERO, CAST_INVALID_INPUT, ...) raised by that expression appends to
 * its message, as SQLQueryContext.summary writes it:
 *
 *   [DIVIDE_BY_ZERO] Division by zero. ... SQLSTATE: 22012
 *   == SQL (line 1, position 8) ==
 *   select 1/0
 *          ^^^
 *
 * The parser gives each expression that can raise such an error its origin (parser/cursor.ts);
 * generated code passes its summary to the helper that throws (physical/codegen/codegen-context.ts).
 */

/**
 * Where an expression is in the SQL text: the whole text (one string shared by every origin of a
 * query), the 0-based indices of the fragment's first and last characters, and the line (1-based)
 * and position in that line (0-based) of its first. The summary is written only when generated
 * code needs it (CodegenContext.errorContext).
 */
export interface QueryOrigin {
  readonly text: string;
  readonly start: number;
  readonly stop: number;
  readonly line: number;
  readonly position: number;
}

/** Spark shows at most this many characters of the text around the fragment on its first and last lines. */
const MAX_EXTRA_CONTEXT = 32;
const TRUNCATED = '...';

/**
 * SQLQueryContext.summary for text[start..stop]: a header with the fragment's line and 1-based
 * position, then the lines it spans (cut to 32 characters either side, marked `...`), each with
 * carets under the fragment's characters.
 */
export function querySummary(text: string, start: number, stop: number, line: number, position: number): string {
  let lineStart = start;
  while (lineStart >= 0 && start - lineStart <= MAX_EXTRA_CONTEXT && text[lineStart] !== '\n') lineStart--;
  const startTruncated = start - lineStart > MAX_EXTRA_CONTEXT;
  let lineStop = stop;
  while (lineStop < text.length && lineStop - stop <= MAX_EXTRA_CONTEXT && text[lineStop] !== '\n') lineStop++;
  const stopTruncated = lineStop - stop > MAX_EXTRA_CONTEXT;
  const shown = (startTruncated ? TRUNCATED : '') + text.substring(lineStart + 1, lineStop) + (stopTruncated ? TRUNCATED : '');
  let index = startTruncated ? lineStart - TRUNCATED.length : lineStart;
  let out = `== SQL (line ${line}, position ${position + 1}) ==\n`;
  // Java's split drops trailing empty strings.
  const lines = shown.split('\n');
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  for (const lineText of lines) {
    out += `${lineText}\n`;
    index++;
    for (let i = 0; i < lineText.length; i++, index++) {
      if (index < start) out += ' ';
      else if (index <= stop) out += '^';
    }
    out += '\n';
  }
  return out;
}

/** The origin of text[start..stop], whose first character is at `line` (1-based) and `position` (0-based) in that line. */
export function queryOrigin(text: string, start: number, stop: number, line: number, position: number): QueryOrigin | undefined {
  if (start < 0 || stop >= text.length || start > stop) return undefined;
  return { text, start, stop, line, position };
}

/**
 * Generated code's helper for a function that throws its own errors (a cast of types/cast.ts):
 * the function whose error-class errors take a query context; an error that has one (an inner
 * expression's) keeps it.
 */
export const QUERY_CONTEXT_HELPERS: Readonly<Record<string, string>> = {
  sqlInContext: `const sqlInContext = (f, context) => (v) => {
  try {
    return f(v);
  } catch (error) {
    if (error instanceof Error && /^\\[[A-Z]/.test(error.message) && !error.message.includes('\\n== SQL')) error.message += context;
    throw error;
  }
};`,
};
