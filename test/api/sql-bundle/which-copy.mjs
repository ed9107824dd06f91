// Run with a copy of @flint/sql's dist as argv[2]: prints which modules its entries loaded (the
// bundle's or the plain ones: where parseDataType's error was thrown, and the runtime module the
// module hooks saw) and the SQL_PACKAGE each entry gives.
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
const imported = await import(pathToFileURL(join(dist, 'entry.js')).href);
const required = createRequire(import.meta.url)(join(dist, 'require-entry.cjs'));
await import(pathToFileURL(join(dist, 'runtime-entry.js')).href);
const loaded = readFileSync(process.env.FLINT_TEST_MODULE_LOG, 'utf8');
const runtime = loaded.includes(`${pathToFileURL(join(dist, 'bundle', 'runtime.js')).href}\n`) ? 'bundle' : loaded.includes(`${pathToFileURL(join(dist, 'runtime.js')).href}\n`) ? 'plain' : 'not loaded';
console.log(JSON.stringify({
  imported: thrownIn(imported),
  required: thrownIn(required),
  runtime,
  sqlPackage: [imported.SQL_PACKAGE, required.SQL_PACKAGE],
  oneCopy: imported.StructType === required.StructType && imported.functions.col === required.functions.col,
}));
