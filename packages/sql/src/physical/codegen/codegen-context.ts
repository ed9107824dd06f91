/**
 * State of one generated function: temporaries, inlined helper functions, user functions (UDFs)
 * and values passed through the function's env. Generated code is self-contained source text:
 * everything it calls is inlined here, so a worker compiles it with `new Function` and nothing else.
 */
import { FnRef, recordOrigins } from '@flint/rdd';
import type { UdfRef } from '../../expr/expression.js';
import { querySummary, type QueryOrigin } from '../../expr/query-context.js';

export class CodegenContext {
  private temps = 0;
  private scratches = 0;
  private readonly helpers = new Map<string, string>();
  private readonly udfs: string[] = [];
  /** The JavaScript function of each UDF the function calls (those the driver has). */
  readonly udfFunctions: Function[] = [];
  /** Constants of the function by their source: evaluated once, in the prologue. */
  private readonly constants = new Map<string, string>();
  /** Values the generated function reads from its env argument (`env.<name>`). */
  readonly env: Record<string, unknown> = {};
  /** Whether the code reads the index of the partition it runs over (then a parameter before `input`). */
  usesPartitionIndex = false;
  /** The origins of the expressions whose code is being generated, innermost last (Spark's CurrentOrigin). */
  private readonly origins: QueryOrigin[] = [];

  /** `generate()`, for an expression written at `origin`: the errors its code raises take that query context. */
  inOrigin<T>(origin: QueryOrigin | undefined, generate: () => T): T {
    if (origin === undefined) return generate();
    this.origins.push(origin);
    try {
      return generate();
    } finally {
      this.origins.pop();
    }
  }

  /** Code for the query context an error raised here appends (a constant of the function), or undefined outside SQL text. */
  errorContext(): string | undefined {
    const origin = this.origins.at(-1);
    if (origin === undefined) return undefined;
    const { text, start, stop, line, position } = origin;
    return this.constant(JSON.stringify(`\n${querySummary(text, start, stop, line, position)}`));
  }

  /** The index of the partition the generated function runs over (spark_partition_id, monotonically_increasing_id). */
  partitionIndex(): string {
    this.usesPartitionIndex = true;
    return 'partitionIndex';
  }

  /** A fresh variable of the function, declared at its top: it keeps its value from row to row (a partition's random generator, a row count). */
  temp(): string {
    return `t${++this.temps}`;
  }

  /**
   * A fresh variable for one expression's evaluation, which no row reads after its own: declared
   * at the function's top and again in each row's scope of a generated loop (genLoop), so that V8
   * keeps it in a register (see scratchNames).
   */
  scratch(): string {
    return `tmp${++this.scratches}`;
  }

  /** The variables made by temp() so far. */
  tempNames(): string[] {
    return Array.from({ length: this.temps }, (_, i) => `t${i + 1}`);
  }

  /** The scratch variables made so far. */
  scratchNames(): string[] {
    return Array.from({ length: this.scratches }, (_, i) => `tmp${i + 1}`);
  }

  addHelper(name: string, source: string): void {
    if (!this.helpers.has(name)) this.helpers.set(name, source);
  }

  addHelpers(helpers: Readonly<Record<string, string>> | undefined): void {
    for (const [name, source] of Object.entries(helpers ?? {})) this.addHelper(name, source);
  }

  /** A UDF's function as a local constant; its captured env travels in this function's env. */
  addUdf(udf: UdfRef): string {
    const name = `udf${this.udfs.length}`;
    this.udfs.push(`const ${name} = (${udf.source});`);
    if (udf.fn !== undefined) this.udfFunctions.push(udf.fn);
    if (udf.env !== undefined) this.env[name] = udf.env;
    return name;
  }

  /**
   * A value computed once per compiled function rather than per row (a literal pattern's compiled
   * form): `source` runs in the prologue, after the helpers it may call; the same source twice is
   * one constant.
   */
  constant(source: string): string {
    let name = this.constants.get(source);
    if (name === undefined) {
      name = `prepared${this.constants.size + 1}`;
      this.constants.set(source, name);
    }
    return name;
  }

  /** Declarations that go before the generated function's body (helpers, UDFs, then constants). */
  preamble(): string {
    const constants = [...this.constants].map(([source, name]) => `const ${name} = ${source};`);
    return [...this.helpers.values(), ...this.udfs, ...constants].join('\n');
  }

  /** `let t1, ..., tmp1, ...;` for the variables made so far. */
  tempDeclarations(): string {
    const names = [...this.tempNames(), ...this.scratchNames()];
    return names.length === 0 ? '' : `let ${names.join(', ')};`;
  }
}

/**
 * Wraps a body into the source of a function expression `(input, env) => ...`, with the
 * preamble in a closure around it so helpers are created once per compiled function.
 */
export function functionSource(ctx: CodegenContext, params: string[], body: string, generator = false): string {
  const keyword = generator ? 'function*' : 'function';
  return `(() => {\n${ctx.preamble()}\nreturn ${keyword} (${params.join(', ')}) {\n${ctx.tempDeclarations()}\n${body}\n};\n})()`;
}

/** The generated function as a FnRef checked for syntax (one expression), with the context's env. */
export function generatedFunction<F>(ctx: CodegenContext, params: string[], body: string, site: string, generator = false): F {
  const ref = FnRef.generated(functionSource(ctx, params, body, generator), ctx.env, site);
  // A UDF's frames are placed at its own line, as an RDD function's.
  if (ctx.udfFunctions.length > 0) recordOrigins(site, ref.source, ctx.udfFunctions);
  return ref as unknown as F;
}
