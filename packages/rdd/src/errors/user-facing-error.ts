/**
 * Spark's user-facing errors: a message that starts with an error class (`[ARITHMETIC_OVERFLOW]
 * long overflow. ...`, `[CAST_INVALID_INPUT] ...`), any class but INTERNAL_ERROR. The input
 * caused such an error, so another task attempt would repeat it, and Spark shows it as it is:
 * its DAGScheduler does not wrap it in "Job aborted due to stage failure", and its optimizer
 * raises it while folding a constant expression.
 */
const ERROR_CLASS = /^\[(?!INTERNAL_ERROR)[A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*\] /;

export function isUserFacingError(message: string): boolean {
  return ERROR_CLASS.test(message);
}
