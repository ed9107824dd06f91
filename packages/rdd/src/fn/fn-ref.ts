/**
 * A function as it travels to a worker: source text, the values captured with it, and where the
 * user created it (for error messages). User functions become FnRefs in to-fn-ref.ts.
 */
import { parsesAsExpression } from './function-source.js';
import { unboundNames } from './globals.js';

/** The serializable form of a user or internal function. */
export class FnRef {
  constructor(
    /** An expression evaluating to the function, or `builtin:Name` for a global like `String`. */
    readonly source: string,
    readonly env: Record<string, unknown> | undefined,
    /** `map at job.ts:12:4`: the transformation and the user's call site. */
    readonly site: string,
  ) {}

  /**
   * A function from JavaScript source text, such as code generated for a query: `source` must be
   * one expression that evaluates to the function, and it is checked as a user function is (any
   * free variable that is not a JS global is an error naming it). Values reach it through `env`,
   * passed as its last argument.
   */
  static fromSource(source: string, env?: Record<string, unknown>, site = 'generated code'): FnRef {
    const expression = `(${source}\n)`;
    if (typeof source !== 'string' || !parsesAsExpression(expression)) {
      throw new SyntaxError(`FnRef.fromSource (${site}): the source is not one JavaScript expression: ${String(source).slice(0, 80)}`);
    }
    const free = unboundNames(expression);
    if (free.length > 0) {
      throw new ReferenceError(`FnRef.fromSource (${site}): the source uses ${free.map((n) => `'${n}'`).join(', ')}, which are not JS globals: pass values through env`);
    }
    return new FnRef(expression, env, site);
  }

  /**
   * Flint's own generated code (a query's kernels), as fromSource but checked for syntax only, by
   * V8 compiling it without running it: the free-variable check walks the source with acorn, whose
   * first walk of a stage's kernel took ~20 ms of a small query's planning.
   */
  static generated(source: string, env?: Record<string, unknown>, site = 'generated code'): FnRef {
    const expression = `(${source}\n)`;
    try {
      new Function(`return ${expression}`);
    } catch (error) {
      throw new SyntaxError(`FnRef.generated (${site}): the source is not one JavaScript expression (${(error as Error).message}): ${source.slice(0, 80)}`);
    }
    return new FnRef(expression, env, site);
  }
}
