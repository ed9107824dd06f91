import { AnalysisException } from './analysis-error.js';

/**
 * Spark's CheckAnalysis of a limit or offset (`df.limit(n)`, SQL's `LIMIT n`): of an integer type
 * (INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE: `type` names any other, undefined for an integer), at
 * least 0 (IS_NEGATIVE). `shown` is the expression as Spark prints it.
 */
export function limitLikeValue(name: 'limit' | 'offset', shown: string, value: number, type: string | undefined): number {
  if (type !== undefined) {
    throw new AnalysisException('INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE', `The limit like expression "${shown}" is invalid. The ${name} expression must be integer type, but got "${type}". SQLSTATE: 42K0E`);
  }
  if (value < 0) {
    throw new AnalysisException('INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE', `The limit like expression "${shown}" is invalid. The ${name} expression must be equal to or greater than 0, but got ${value}. SQLSTATE: 42K0E`);
  }
  return value;
}
