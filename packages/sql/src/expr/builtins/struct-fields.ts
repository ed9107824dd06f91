/**
 * Column.withField / dropFields: a struct with one field added or replaced (in place), or with
 * fields removed (Spark's UpdateFields). Field names are literals; a null struct stays null.
 */
import { StructField, StructType, type DataType } from '../../types/index.js';
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { scalar } from './define.js';

const structOf = (t: DataType, fn: string): StructType => {
  if (!(t instanceof StructType)) throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${fn} needs a struct, got "${t.simpleString().toUpperCase()}". SQLSTATE: 42K09`);
  return t;
};

scalar('with_field', {
  args: 3,
  returns: ([s, , v], [, name]) => {
    const struct = structOf(s!, 'withField');
    const field = new StructField(String(name), v!, true);
    const at = struct.fields.findIndex((f) => f.name === name);
    return new StructType(at < 0 ? [...struct.fields, field] : struct.fields.map((f, i) => (i === at ? field : f)));
  },
  nullTolerant: true,
  nullableResult: true,
  pretty: ([s, name, v]) => `update_fields(${s}, WithField(${name}, ${v}))`,
  gen: ([s, name, v]) => `(${s} === null ? null : { ...${s}, [${name}]: ${v} })`,
});

scalar('drop_fields', {
  args: [2, Infinity],
  returns: ([s], [, ...names]) => {
    const kept = structOf(s!, 'dropFields').fields.filter((f) => !names.includes(f.name));
    if (kept.length === 0) throw new AnalysisException('DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS', 'Cannot drop all fields in struct. SQLSTATE: 42K09');
    return new StructType(kept);
  },
  pretty: ([s, ...names]) => `update_fields(${s}, ${names.map((n) => `dropfield(${n})`).join(', ')})`,
  gen: ([s, ...names]) => `((o) => { const c = { ...o }; ${names.map((n) => `delete c[${n}];`).join(' ')} return c; })(${s})`,
});
