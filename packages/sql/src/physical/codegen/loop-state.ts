/**
 * Variables a generated loop keeps from row to row (a group-by's table, its accumulators): as
 * declarations of the loop's function, or as the slots of one state array that a loop function
 * of its own loads into locals and stores back (batch-loop.ts).
 */
export interface LoopVar {
  readonly name: string;
  /** The initial value's code. */
  readonly init: string;
  /** Whether the loop assigns it (else `const` where it is declared). */
  readonly assigned: boolean;
}

export const loopVar = (name: string, init: string, assigned = true): LoopVar => ({ name, init, assigned });

/** The variables as declarations. */
export const declareVars = (vars: readonly LoopVar[]): string => vars.map((v) => `${v.assigned ? 'let' : 'const'} ${v.name} = ${v.init};`).join(' ');

/** The variables as locals loaded from the state array `state` (slot i holds vars[i]). */
export const loadVars = (vars: readonly LoopVar[], state: string): string =>
  vars.length === 0 ? '' : `let ${vars.map((v, i) => `${v.name} = ${state}[${i}]`).join(', ')};`;

/** The assigned locals stored back into the state array. */
export const storeVars = (vars: readonly LoopVar[], state: string): string =>
  vars.flatMap((v, i) => (v.assigned ? [`${state}[${i}] = ${v.name};`] : [])).join(' ');
