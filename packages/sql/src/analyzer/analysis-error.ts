/** Analysis errors with Spark's error classes and messages. */

export class AnalysisException extends Error {
  constructor(
    readonly errorClass: string,
    message: string,
  ) {
    // Spark shows a legacy error class's message alone, without `[class]`.
    super(errorClass.startsWith('_LEGACY_ERROR_TEMP_') ? message : `[${errorClass}] ${message}`);
    this.name = 'AnalysisException';
  }
}

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * Spark's unresolved-column error: the candidates are the input columns ordered by similarity
 * (Levenshtein distance) to the name asked for, at most five.
 */
export function unresolvedColumn(name: string, candidates: readonly string[]): AnalysisException {
  if (candidates.length === 0) {
    return new AnalysisException(
      'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION',
      `A column, variable, or function parameter with name ${quote(name)} cannot be resolved. SQLSTATE: 42703`,
    );
  }
  const ordered = [...candidates].sort((a, b) => levenshtein(a, name) - levenshtein(b, name)).slice(0, 5);
  return new AnalysisException(
    'UNRESOLVED_COLUMN.WITH_SUGGESTION',
    `A column, variable, or function parameter with name ${quote(name)} cannot be resolved. ` +
      `Did you mean one of the following? [${ordered.map(quote).join(', ')}]. SQLSTATE: 42703`,
  );
}

export function ambiguousReference(name: string, candidates: readonly string[]): AnalysisException {
  return new AnalysisException(
    'AMBIGUOUS_REFERENCE',
    `Reference ${quote(name)} is ambiguous, could be: [${candidates.map(quote).join(', ')}]. SQLSTATE: 42704`,
  );
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
