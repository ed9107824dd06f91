/**
 * A task error with a Spark error class fails its job at the first attempt on local-cluster too,
 * where the error crosses from a worker process to the driver over TCP (the executor service's
 * wire schema), as it does on local[N] where it never leaves the process: the job's error is
 * Spark's message alone (with its query context), 1 failure; so does an Error thrown with `deterministic: true`. A plain
 * Error thrown by an RDD function is still retried maxFailures (4) times. Message: Spark 4's error-conditions.json (ARITHMETIC_OVERFLOW).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'sql-error-reports-cluster' });
});
afterAll(async () => fc?.stop());

type JobFailure = Error & { attempt?: number; failures?: number };
const failureOf = (run: () => Promise<unknown>): Promise<JobFailure> => run().then(() => new Error('no error'), (e: JobFailure) => e);

it('a worker process reports an error-class error as deterministic: one attempt, the message alone', async () => {
  const error = await failureOf(() => fc.sql('SELECT id * 3074457345618258602 AS v FROM range(10)').collect());
  expect(error.message).toBe(
    `[ARITHMETIC_OVERFLOW] long overflow. Use 'try_multiply' to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003
== SQL (line 1, position 8) ==
SELECT id * 3074457345618258602 AS v FROM range(10)
       ^^^^^^^^^^^^^^^^^^^^^^^^
`,
  );
  expect([error.attempt, error.failures]).toEqual([0, 1]);
});

it('a plain Error thrown in a worker process is retried maxFailures times', async () => {
  const error = await failureOf(() =>
    fc
      .parallelize([1], 1)
      .map(() => {
        throw new Error('boom');
      })
      .collect(),
  );
  expect(error.message).toMatch(/^Job aborted: task for partition 0 in stage \d+ failed 4 times; most recent failure \(attempt 3\): Error: boom/);
  expect([error.attempt, error.failures]).toEqual([3, 4]);
});

it('an Error thrown with deterministic: true in a worker process fails its job at the first attempt', async () => {
  const error = await failureOf(() =>
    fc
      .parallelize([1], 1)
      .map(() => {
        throw Object.assign(new Error('bad record'), { deterministic: true });
      })
      .collect(),
  );
  expect(error.message).toMatch(/^Job aborted: task for partition 0 in stage \d+ failed 1 times; most recent failure \(attempt 0\): Error: bad record/);
  expect([error.attempt, error.failures]).toEqual([0, 1]);
});
