// A word count, then (after a marker line in the module log) a DataFrame query and a SQL query.
// The module hooks do not see what require() loads on Node 20, as @flint/driver loads the SQL
// layer: whether the driver holds a module of it is read from require's cache too.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FlintContext, col } from '@flint/driver';

const sqlRequired = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/packages/sql/'));

const fc = await FlintContext.create({ master: 'local[2]', ui: false });
const counts = await fc.parallelize(['a b', 'b c b'], 2).flatMap((line) => line.split(' ')).map((w) => [w, 1]).reduceByKey((a, b) => a + b).collectAsMap();
const driverLoadedSqlForRdd = sqlRequired();
if (process.env.FLINT_TEST_MODULE_LOG) appendFileSync(process.env.FLINT_TEST_MODULE_LOG, 'SQL\n');
const rows = await fc.parallelize([{ word: 'a', n: 1 }, { word: 'b', n: 3 }], 2).toDF().filter(col('n').gt(2)).collect();
const sum = await fc.sql('SELECT sum(id) AS total FROM range(10)').collect();
await fc.stop();
console.log(JSON.stringify({ counts: Object.fromEntries(counts), rows, sum, driverLoadedSqlForRdd, driverLoadedSqlForSql: sqlRequired() }));
