// Counts the Intl.DateTimeFormat objects the driver makes (Intl's first use costs ~12 ms; the
// process's time zone is looked up through one) while it runs a query with no date or time in it,
// then one that casts a timestamp to text, then while it reads a CSV file (argv[2]) twice.
const RealDateTimeFormat = Intl.DateTimeFormat;
let made = 0;
Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
  construct: (target, args, newTarget) => (made++, Reflect.construct(target, args, newTarget)),
  apply: (target, self, args) => (made++, Reflect.apply(target, self, args)),
});
const { FlintContext } = await import('@flint/driver');

const fc = await FlintContext.create({ master: 'local[1]', ui: false });
const numbers = await fc.sql("SELECT k, sum(v) AS s, avg(v) AS m, upper(k) AS u FROM VALUES ('a', 1), ('b', 2), ('a', 3) AS t(k, v) GROUP BY k ORDER BY k").collect();
const madeForNumbers = made;
const timestamps = await fc.sql("SELECT CAST(TIMESTAMP '2024-03-01 12:00:00' AS STRING) AS t").collect();
const madeBeforeCsv = made;
const csv = [];
for (let i = 0; i < 2; i++) csv.push(await fc.read.option('header', true).csv(process.argv[2]).collect());
await fc.stop();
console.log(JSON.stringify({ numbers, madeForNumbers, timestamps, madeForTimestamps: madeBeforeCsv - madeForNumbers, csv, madeForCsv: made - madeBeforeCsv }));
