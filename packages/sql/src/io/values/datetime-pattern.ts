/**
 * The one reader of Spark's datetime patterns (`yyyy-MM-dd`, `dd MMM yyyy HH:mm:ss.SSS`,
 * `yyyy-MM-dd'T'HH:mm:ssXXX`, optional `[...]` sections), for parsing and formatting alike: the
 * SQL functions (to_timestamp, to_date, date_format, unix_timestamp, from_unixtime, to_char, ...)
 * and the CSV/JSON readers and writers (`dateFormat`, `timestampFormat`) all compile their
 * patterns here (datetime-parser.ts and datetime-format.ts build on the tokens). The rules are
 * Spark's DateTimeFormatterHelper over java.time's DateTimeFormatterBuilder: letters and widths
 * Spark 3+ refuses, Java's own refusals, and the cross-version error when Spark 2's
 * SimpleDateFormat would have taken the pattern.
 */

export type PatternToken =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; letter: string; count: number }
  | { kind: 'optional'; tokens: PatternToken[] };

const DOC_ROOT = 'https://spark.apache.org/docs/latest';

/** Spark's error when the pattern is refused but Spark 2 (SimpleDateFormat) read it. */
function recognitionError(pattern: string): Error {
  return new Error(
    `[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\n` +
      `Fail to recognize '${pattern}' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. ` +
      `2) You can form a valid datetime pattern with the guide from '${DOC_ROOT}/sql-ref-datetime-pattern.html'. SQLSTATE: 42K0B`,
  );
}

/** A refusal of the new formatter; recognitionError replaces it when SimpleDateFormat takes the pattern. */
class PatternRefused extends Error {}

const WEEK_BASED = 'YWwuec';
const UNSUPPORTED = 'ABnNp';
const UNSUPPORTED_FOR_PARSING = 'EFqQ';
/** Spark's unsupportedPatternLengths: narrow text forms and years of 7 digits. */
const TOO_LONG = ['GGGGG', 'MMMMM', 'LLLLL', 'EEEEE', 'QQQQQ', 'qqqqq', 'yyyyyyy'];

/** DateTimeFormatterHelper.convertIncompatiblePattern's checks, on the pattern's unquoted parts. */
function checkSparkLetters(pattern: string, parsing: boolean): void {
  const parts = `${pattern} `.split("'").filter((_, i) => i % 2 === 0);
  for (const part of parts) {
    for (const c of part) {
      if (WEEK_BASED.includes(c)) {
        throw new PatternRefused(
          `[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN] You may get a different result due to the upgrading to Spark >= 3.0:\n` +
            `All week-based patterns are unsupported since Spark 3.0, detected week-based character: ${c}.\nPlease use the SQL function EXTRACT instead. SQLSTATE: 42K0B`,
        );
      }
    }
    for (const c of part) {
      if (UNSUPPORTED.includes(c) || (parsing && UNSUPPORTED_FOR_PARSING.includes(c))) {
        throw new PatternRefused(
          `[INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER] Unrecognized datetime pattern: ${pattern}. Illegal pattern character found in datetime pattern: ${c}. Please provide legal character. SQLSTATE: 22007`,
        );
      }
    }
    const long = TOO_LONG.find((run) => part.includes(run));
    if (long !== undefined) {
      throw new PatternRefused(
        `[INVALID_DATETIME_PATTERN.LENGTH] Unrecognized datetime pattern: ${long}. Too many letters in datetime pattern: ${long}. Please reduce pattern length. SQLSTATE: 22007`,
      );
    }
  }
}

/** The widest run java.time's DateTimeFormatterBuilder takes of each letter Spark keeps. */
const MAX_COUNT: Record<string, number> = {
  G: 5, y: 19, M: 5, L: 5, d: 2, D: 3, Q: 5, q: 5, E: 5, F: 1, a: 1,
  h: 2, K: 2, k: 2, H: 2, m: 2, s: 2, S: 9, z: 4, X: 5, x: 5, Z: 5,
};

/** java.time's refusal of a letter run, or undefined when it takes it. */
function javaRefusal(letter: string, count: number): string | undefined {
  if (letter === 'V') return count === 2 ? undefined : 'Pattern letter count must be 2: V';
  if (letter === 'O') return count === 1 || count === 4 ? undefined : 'Pattern letter count must be 1 or 4: O';
  const max = MAX_COUNT[letter];
  if (max === undefined) return `Unknown pattern letter: ${letter}`;
  return count > max ? `Too many pattern letters: ${letter}` : undefined;
}

/** DateTimeFormatterBuilder.appendPattern's reading: letter runs, quoted text, `[...]` sections. */
function tokenize(pattern: string): PatternToken[] {
  const stack: PatternToken[][] = [[]];
  const push = (token: PatternToken) => {
    const top = stack[stack.length - 1]!;
    const last = top[top.length - 1];
    if (token.kind === 'literal' && last?.kind === 'literal') last.text += token.text;
    else top.push(token);
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      const refusal = javaRefusal(c, count);
      if (refusal !== undefined) throw new PatternRefused(refusal);
      push({ kind: 'field', letter: c, count });
      i += count - 1;
    } else if (c === "'") {
      const start = i++;
      for (; i < pattern.length; i++) {
        if (pattern[i] !== "'") continue;
        if (pattern[i + 1] !== "'") break;
        i++;
      }
      if (i >= pattern.length) throw new PatternRefused(`Pattern ends with an incomplete string literal: ${pattern}`);
      const quoted = pattern.slice(start + 1, i);
      push({ kind: 'literal', text: quoted === '' ? "'" : quoted.replaceAll("''", "'") });
    } else if (c === '[') {
      stack.push([]);
    } else if (c === ']') {
      if (stack.length === 1) throw new PatternRefused('Pattern invalid as it contains ] without previous [');
      const tokens = stack.pop()!;
      push({ kind: 'optional', tokens });
    } else if (c === '{' || c === '}' || c === '#') {
      throw new PatternRefused(`Pattern includes reserved character: '${c}'`);
    } else {
      push({ kind: 'literal', text: c });
    }
  }
  while (stack.length > 1) {
    const tokens = stack.pop()!;
    push({ kind: 'optional', tokens });
  }
  return stack[0]!;
}

/** Whether Spark 2's SimpleDateFormat takes the pattern (its letters, X at most 3 wide, quotes closed). */
function legacyFormatterTakes(pattern: string): boolean {
  const parts = pattern.split("'");
  if (parts.length % 2 === 0) return false;
  return parts.every((part, i) => i % 2 === 1 || (/^[^A-Za-z]*(?:[GyYMLwWDdFEuaHkKhmsSzZX][^A-Za-z]*)*$/.test(part) && !/XXXX/.test(part)));
}

/** A pattern's tokens for parsing or for formatting, or Spark's error for it (its callers keep what they build from them per pattern). */
export function patternTokens(pattern: string, parsing: boolean): readonly PatternToken[] {
  try {
    checkSparkLetters(pattern, parsing);
    return tokenize(pattern);
  } catch (e) {
    if (e instanceof PatternRefused && legacyFormatterTakes(pattern)) throw recognitionError(pattern);
    throw e instanceof PatternRefused ? new Error(e.message) : e;
  }
}
