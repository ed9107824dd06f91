/** A structural key for an expression, to find the same expression in two places (attributes by id). */
import { exprJson, type Expr } from '../expr/expression.js';

export function exprKey(e: Expr): string {
  return exprJson(e, (key, value) => {
    if (value && typeof value === 'object' && value.kind === 'attr') return `#${value.id}`;
    if (value && typeof value === 'object' && typeof value.simpleString === 'function') return value.simpleString();
    return value;
  });
}
