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

/**
 * The names `code` declares when it is only `const`/`let` declarations (`const a = x, b = y;` ...)
 * without strings; else undefined. Hoisted declarations (a probe's table parts) are passed to a
 * loop function by these names.
 */
export function declaredNames(code: string): string[] | undefined {
  if (/['"`]/.test(code)) return undefined;
  const names: string[] = [];
  for (const statement of splitTopLevel(code, ';')) {
    const declaration = /^(?:const|let)\s+([\s\S]*)$/.exec(statement.trim());
    if (declaration === null) {
      if (statement.trim() === '') continue;
      return undefined;
    }
    for (const declarator of splitTopLevel(declaration[1], ',')) {
      const name = /^\s*([A-Za-z_$][\w$]*)\s*=/.exec(declarator);
      if (name === null) return undefined;
      names.push(name[1]);
    }
  }
  return names;
}

/** `code` cut at each `separator` outside brackets. */
function splitTopLevel(code: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === separator && depth === 0) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts;
}
