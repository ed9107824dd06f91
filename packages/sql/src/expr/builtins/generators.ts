/**
 * Generators: explode and posexplode (and their _outer forms) over arrays and maps; stack(n, ...)
 * (the values in n rows, columns col0, col1, ...) and inline / inline_outer (an array of structs
 * as rows of their fields).
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { ArrayType, StructType, type DataType } from '../../types/index.js';
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';

for (const outer of [false, true]) {
  for (const withPosition of [false, true]) {
    const name = `${withPosition ? 'posexplode' : 'explode'}${outer ? '_outer' : ''}`;
    registerFunction({
      type: 'generator',
      name,
      minArgs: 1,
      maxArgs: 1,
      outer,
      withPosition,
      // The generated columns' types come from generatorOutput (analyzer/generators.ts).
      returnType: ([t]) => t,
    });
  }
}

/** stack's row count: its first argument, a positive int literal. */
function stackRows(argTypes: DataType[], n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || argTypes[0]!.typeName() !== 'integer') {
    throw new AnalysisException('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', 'Cannot resolve "stack" due to data type mismatch: the first argument of stack must be a positive INT literal. SQLSTATE: 42K09');
  }
  return n;
}

registerFunction({
  type: 'generator',
  name: 'stack',
  minArgs: 2,
  maxArgs: Infinity,
  outer: false,
  withPosition: false,
  returnType: () => Types.null,
  columns: (argTypes, literals) => {
    const rows = stackRows(argTypes, literals[0]);
    const values = argTypes.slice(1);
    const width = Math.ceil(values.length / rows);
    return Array.from({ length: width }, (_, c) => {
      // Spark's Stack: a column's values share one type, nulls aside (no implicit casts).
      const types = values.filter((_, i) => i % width === c);
      const typed = types.filter((t) => t.typeName() !== 'void');
      const dataType = typed[0] ?? Types.null;
      if (typed.some((t) => t.simpleString() !== dataType.simpleString())) {
        throw new AnalysisException(
          'DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES',
          `Cannot resolve "stack" due to data type mismatch: The data type of the column (${c}) do not have the same type: ${types.map((t) => `"${t.simpleString().toUpperCase()}"`).join(', ')}. SQLSTATE: 42K09`,
        );
      }
      return { name: `col${c}`, dataType };
    });
  },
  genRows: ([n, ...values]) => {
    const rows = Number(n);
    const width = Math.ceil(values.length / rows);
    return `[${Array.from({ length: rows }, (_, r) => `[${Array.from({ length: width }, (_, c) => values[r * width + c] ?? 'null').join(', ')}]`).join(', ')}]`;
  },
});

/** inline's input: an array of structs. */
function structsOf(t: DataType | undefined): StructType {
  if (t instanceof ArrayType && t.elementType instanceof StructType) return t.elementType;
  throw new AnalysisException(
    'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
    `Cannot resolve "inline" due to data type mismatch: the input should be an array of structs, got "${t?.simpleString().toUpperCase()}". SQLSTATE: 42K09`,
  );
}

for (const outer of [false, true]) {
  registerFunction({
    type: 'generator',
    name: outer ? 'inline_outer' : 'inline',
    minArgs: 1,
    maxArgs: 1,
    outer,
    withPosition: false,
    returnType: () => Types.null,
    columns: ([t]) => structsOf(t).fields.map((f) => ({ name: f.name, dataType: f.dataType })),
    genRows: ([a], [t]) => {
      const fields = structsOf(t).fields.map((f) => `s[${JSON.stringify(f.name)}] ?? null`);
      return `(${a} === null ? [] : ${a}.map((s) => (s === null ? null : [${fields.join(', ')}])))`;
    },
  });
}
