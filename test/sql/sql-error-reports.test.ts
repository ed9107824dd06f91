/**
 * A SQL error with a Spark error class raised inside a task is deterministic: the job fails on
 * the first attempt, and the action rejects with Spark's message as it is (Spark 4's DAGScheduler
 * does not wrap a user-facing SparkThrowable in "Job aborted due to stage failure"), with no
 * stack of generated code. A constant expression that fails does so while planning, on the
 * driver, as Spark's ConstantFolding evaluates it, unless it is a CASE branch that may not run.
 * Messages: Spark 4's error-conditions.json (ARITHMETIC_OVERFLOW, CAST_INVALID_INPUT), then the
 * query context of the expression that raised it (SQLQueryContext.summary: the line, carets under
 * the fragment, as Spark's CliSuite shows `select 1 / 0`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
});
afterAll(async () => fc?.stop());

const failureOf = (run: () => Promise<unknown>) => run().then(() => new Error('no error'), (e: Error) => e);

const overflow = (type: string) =>
  `[ARITHMETIC_OVERFLOW] ${type} overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003`;

it.each([
  [
    'SELECT id + 9223372036854775807L FROM range(2)',
    `${overflow('long')}
== SQL (line 1, position 8) ==
SELECT id + 9223372036854775807L FROM range(2)
       ^^^^^^^^^^^^^^^^^^^^^^^^^
`,
  ],
  [
    'SELECT 2147483647 + CAST(id AS INT) FROM range(2)',
    `${overflow('integer')}
== SQL (line 1, position 8) ==
SELECT 2147483647 + CAST(id AS INT) FROM range(2)
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`,
  ],
  [
    "SELECT CAST(concat('x', id) AS INT) FROM range(1)",
    `[CAST_INVALID_INPUT] The value 'x0' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. SQLSTATE: 22018
== SQL (line 1, position 8) ==
SELECT CAST(concat('x', id) AS INT) FROM range(1)
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`,
  ],
])('%s fails its job at the first attempt with the error alone', async (query, message) => {
  const error = (await failureOf(() => fc.sql(query).collect())) as Error & { failures?: number };
  expect(error.message).toBe(message);
  expect(error.failures).toBe(1);
});

it('an error without a Spark error class is still retried and reported with where it failed', async () => {
  const error = (await failureOf(() =>
    fc
      .parallelize([1], 1)
      .map(() => {
        throw new Error('boom');
      })
      .collect(),
  )) as Error & { failures?: number };
  expect(error.message).toMatch(/^Job aborted: task for partition 0 in stage \d+ failed 4 times; most recent failure \(attempt 3\): Error: boom/);
  expect(error.failures).toBe(4);
});

it('a constant expression that overflows fails while planning, not in a task', async () => {
  const error = (await failureOf(() => fc.sql('SELECT 2147483647 + 1').collect())) as Error & { failures?: number };
  expect(error.message).toBe(`${overflow('integer')}\n== SQL (line 1, position 8) ==\nSELECT 2147483647 + 1\n       ^^^^^^^^^^^^^^\n`);
  expect(error.failures).toBeUndefined();
  expect(() => fc.sql('SELECT 2147483647 + 1 AS x').explainString()).toThrow(overflow('integer'));
});

it('a CASE branch that never runs is left unfolded, as Spark leaves a conditional branch', async () => {
  expect(await fc.sql('SELECT CASE WHEN id > 5 THEN 2147483647 + 1 ELSE 0 END AS v FROM range(2)').collect()).toEqual([{ v: 0 }, { v: 0 }]);
});

it('if, coalesce, nvl and nvl2 evaluate an argument only when its branch is taken (Spark ConditionalExpressions)', async () => {
  const df = fc.sql('SELECT if(id = 0, 0, 10 / id) AS i, coalesce(CAST(NULL AS INT), id, 1 / 0) AS c, nvl(id, 1 / 0) AS n, nvl2(id, id, 1 / 0) AS n2 FROM range(2)');
  expect(await df.collect()).toEqual([
    { i: 0, c: 0, n: 0, n2: 0 },
    { i: 10, c: 1, n: 1, n2: 1 },
  ]);
  expect(await fc.sql('SELECT if(true, 1, 2147483647 + 1) AS a, coalesce(1, 2147483647 + 1) AS b').collect()).toEqual([{ a: 1, b: 1 }]);
});

it('iff, the alias of if, leaves a branch that is not taken unfolded, as if does', async () => {
  expect(await fc.sql('SELECT iff(false, 2147483647 + 1, 1) AS a, ifnull(1, 2147483647 + 1) AS b').collect()).toEqual([{ a: 1, b: 1 }]);
});
