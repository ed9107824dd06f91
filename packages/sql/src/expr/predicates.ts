/** Conjunctions: splitting `a AND b AND c` into its parts and joining parts back. */
import { binaryOf, type Expr } from './expression.js';

export function splitConjuncts(e: Expr | undefined): Expr[] {
  if (!e) return [];
  return e.kind === 'binary' && e.op === 'AND' ? [...splitConjuncts(e.left), ...splitConjuncts(e.right)] : [e];
}

/** The conjunction of the parts, or undefined for none. */
export function conjunction(parts: readonly Expr[]): Expr | undefined {
  return parts.reduce<Expr | undefined>((acc, c) => (acc ? binaryOf('AND', acc, c) : c), undefined);
}
