/**
 * Syntax errors in the style of Spark's ParseException:
 *
 *   [PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM' at line 1, column 8 (line 1, pos 7): expected an expression.
 *
 *   == SQL ==
 *   SELECT FROM t
 *   -------^^^^
 *
 * The first line is complete on its own; `column` is 1-based as editors count, `pos` is Spark's
 * 0-based position in the line. A legacy error class's first line is Spark's message alone:
 *
 *   Empty set in ROLLUP grouping sets is not supported.(line 1, pos 61)
 */

const LEGACY = '_LEGACY_ERROR_TEMP_';

export class ParseError extends Error {
  override readonly name = 'ParseError';

  constructor(
    readonly errorClass: string,
    /** The offending text as quoted in the message ('FROM', or 'end of input'). */
    readonly near: string,
    readonly line: number,
    readonly column: number,
    /** What the parser expected or why the text is wrong; may be ''. */
    readonly hint: string,
    readonly sql: string,
    /** How many characters the caret line underlines. */
    caretWidth: number,
  ) {
    super(formatMessage(errorClass, near, line, column, hint, sql, caretWidth));
  }

  /** Spark's 0-based position of the offending token in its line. */
  get pos(): number {
    return this.column - 1;
  }
}

function formatMessage(
  errorClass: string,
  near: string,
  line: number,
  column: number,
  hint: string,
  sql: string,
  caretWidth: number,
): string {
  const where = `at line ${line}, column ${column} (line ${line}, pos ${column - 1})`;
  const what = errorClass === 'PARSE_SYNTAX_ERROR' ? `Syntax error at or near ${near} ${where}` : `${near} ${where}`;
  // Spark prints a legacy error class's message as it is, without the class.
  const first = errorClass.startsWith(LEGACY) ? `${hint}(line ${line}, pos ${column - 1})` : `[${errorClass}] ${what}${hint ? `: ${hint}` : ''}.`;
  const sourceLine = sql.split(/\r\n|\r|\n/)[line - 1] ?? '';
  const caret = '-'.repeat(column - 1) + '^'.repeat(Math.max(1, caretWidth));
  return `${first}\n\n== SQL ==\n${sourceLine}\n${caret}`;
}
