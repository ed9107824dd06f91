/**
 * Turns a JS function object into source text that evaluates, on its own, to an equivalent
 * function: `fn.toString()` is almost that, except for method shorthand (`name(x) { ... }`,
 * `async *gen() {}`), which is only valid inside an object literal.
 */
import { parseExpressionAt } from './acorn-parser.js';

export type FunctionSource =
  | { kind: 'expression'; expression: string }
  | { kind: 'builtin'; name: string };

export function functionSource(fn: Function): FunctionSource {
  const text = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(text)) {
    const global = (globalThis as Record<string, unknown>)[fn.name];
    if (fn.name && global === fn) return { kind: 'builtin', name: fn.name };
    throw new TypeError(
      `Flint cannot ship the native or bound function ${fn.name || '(anonymous)'}: ` +
        'pass an arrow function instead, and values through capture(env, fn)',
    );
  }
  if (/^class\b/.test(text)) {
    throw new TypeError('Flint cannot ship a class as a function: pass an arrow function instead');
  }
  if (parsesAsExpression(`(${text})`)) return { kind: 'expression', expression: `(${text})` };
  const asMethod = `(Object.values({ ${text} })[0])`;
  if (parsesAsExpression(asMethod)) return { kind: 'expression', expression: asMethod };
  throw new TypeError(`Flint cannot parse the source of function ${fn.name || '(anonymous)'}: ${text.slice(0, 80)}`);
}

export function parsesAsExpression(source: string): boolean {
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: 'latest', preserveParens: true });
    return node.end === source.length;
  } catch {
    return false;
  }
}
