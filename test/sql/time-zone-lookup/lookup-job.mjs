// Run with count-intl.mjs preloaded: counts the Intl.DateTimeFormat objects (Intl's first use costs
// ~12 ms; the process's time zone is looked up through one) the driver makes while it runs a query
// with no date or time in it, then one that casts a timestamp to text, then while it reads a CSV
// file (argv[2]) twice; and those its task threads make while reading that file and another's
// column beside a timestamp column (argv[3]), then the timestamps.
import { readFileSync } from 'node:fs';
import { FlintContext } from '@flint/driver';

const made = (onDriver) => readFileSync(process.env.FLINT_TEST_INTL_LOG, 'utf8').split('\n').filter((id) => id !== '' && (id === '0') === onDriver).length;
const fc = await FlintContext.create({ master: 'local[1]', ui: false });
const numbers = await fc.sql("SELECT k, sum(v) AS s, avg(v) AS m, upper(k) AS u FROM VALUES ('a', 1), ('b', 2), ('a', 3) AS t(k, v) GROUP BY k ORDER BY k").collect();
const madeForNumbers = made(true);
const timestamps = await fc.sql("SELECT CAST(TIMESTAMP '2024-03-01 12:00:00' AS STRING) AS t").collect();
const madeForTimestamps = made(true) - madeForNumbers;
const csv = [];
for (let i = 0; i < 2; i++) csv.push(await fc.read.option('header', true).csv(process.argv[2]).collect());
const madeForCsv = made(true) - madeForNumbers - madeForTimestamps;
const visits = () => fc.read.schema('name STRING, seen TIMESTAMP').option('header', true).csv(process.argv[3]);
const names = await visits().select('name').collect();
const madeOnThreadsForCsv = made(false);
const stamped = await visits().selectExpr('name', 'CAST(seen AS STRING) AS seen').collect();
const madeOnThreadsForTimestamps = made(false) - madeOnThreadsForCsv;
await fc.stop();
console.log(JSON.stringify({ numbers, madeForNumbers, timestamps, madeForTimestamps, csv, madeForCsv, names, madeOnThreadsForCsv, stamped, madeOnThreadsForTimestamps }));
