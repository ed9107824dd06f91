// @flint/sql and @flint/driver imported side by side, as the repository's build leaves them: one
// copy of the SQL layer (the driver's stand-ins, its require() and the import are the same classes),
// toArrow's table is of the Apache Arrow this program imports (its prototype: Arrow answers
// instanceof by a brand, which any copy has), and the layer's functions are strict mode code, as the
// modules it was bundled from (reading `caller` of a strict function throws).
import * as sql from '@flint/sql';
import { FlintContext, StructType, col, functions } from '@flint/driver';
import { createRequire } from 'node:module';
import { Table } from 'apache-arrow';

const isStrict = (fn) => {
  try {
    void fn.caller;
    return false;
  } catch {
    return true;
  }
};
let thrownIn = 'nothing thrown';
try {
  sql.parseDataType('no such type');
} catch (error) {
  thrownIn = /[\\/]packages[\\/]sql[\\/]dist[\\/]bundle[\\/]/.test(error.stack) ? 'bundle' : 'plain';
}
const fc = await FlintContext.create({ master: 'local[1]', ui: false });
const df = fc.sql("SELECT id, CAST(id AS STRING) AS s FROM range(3) WHERE id > 0");
const required = createRequire(import.meta.url)('@flint/sql');
console.log(JSON.stringify({
  thrownIn,
  dataFrame: df instanceof sql.DataFrame,
  schema: df.schema instanceof sql.StructType && df.schema instanceof StructType,
  column: col('id') instanceof sql.Column && functions.lit(1) instanceof sql.Column && sql.col('id') instanceof required.Column,
  required: required.StructType === sql.StructType && required.DataFrame === sql.DataFrame,
  arrowTable: Object.getPrototypeOf(await df.toArrow()) === Table.prototype,
  strict: [sql.functions.col, sql.parseDataType].every(isStrict),
  rows: await df.collect(),
}));
await fc.stop();
