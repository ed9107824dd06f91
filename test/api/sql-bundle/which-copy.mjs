// Run with a copy of @flint/sql's dist as argv[2]: prints which modules its entries loaded (the
// bundle or the plain ones: where parseDataType's error was thrown, and whether the module hooks saw
// the plain runtime) and the SQL_PACKAGE each entry gives. The runtime entry (a task thread's) comes
// first: the layer then loaded must not register the runtime's functions a second time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.argv[2];
const thrownIn = (layer) => {
  try {
    layer.parseDataType('no such type');
  } catch (error) {
    return error.stack.includes(`${join(dist, 'bundle')}/`) ? 'bundle' : 'plain';
  }
  return 'nothing thrown';
};
await import(pathToFileURL(join(dist, 'runtime-entry.js')).href);
const imported = await import(pathToFileURL(join(dist, 'entry.js')).href);
const required = createRequire(import.meta.url)(join(dist, 'require-entry.cjs'));
const loaded = readFileSync(process.env.FLINT_TEST_MODULE_LOG, 'utf8');
const runtime = loaded.includes(`${pathToFileURL(join(dist, 'runtime.js')).href}\n`) ? 'plain' : 'bundle';
console.log(JSON.stringify({
  imported: thrownIn(imported),
  required: thrownIn(required),
  runtime,
  sqlPackage: [imported.SQL_PACKAGE, required.SQL_PACKAGE],
  oneCopy: imported.StructType === required.StructType && imported.functions.col === required.functions.col,
}));
