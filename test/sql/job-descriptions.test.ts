/**
 * Jobs show what they are: every job a DataFrame action runs is listed in fc.jobHistory with the
 * action and the user's call site, the SQL text for fc.sql, and the physical plan — also the
 * jobs an action runs before its main one (a range sort's sampling, a broadcast side's collect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, functions as F } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.createDataFrame(Array.from({ length: 40 }, (_, i) => ({ id: i, grp: `g${i % 4}`, amount: i * 1.5 })), 'id INT, grp STRING, amount DOUBLE')
    .createOrReplaceTempView('sales');
  fc.createDataFrame([{ grp: 'g1', label: 'one' }, { grp: 'g2', label: 'two' }], 'grp STRING, label STRING').createOrReplaceTempView('labels');
});
afterAll(async () => fc?.stop());

/** The jobs `action` adds to the history. */
async function jobsOf(action: () => Promise<unknown>) {
  const before = fc.jobHistory.length;
  await action();
  return fc.jobHistory.slice(before);
}

describe('DataFrame jobs in fc.jobHistory', () => {
  it('an fc.sql query’s jobs carry its call site, its SQL text and its physical plan', async () => {
    const sql = 'SELECT grp, sum(amount) AS total FROM sales WHERE id > 3 GROUP BY grp';
    const query = fc.sql(sql);
    const jobs = await jobsOf(() => query.collect());
    expect(jobs.length).toBeGreaterThan(0);
    const [site, text, header, ...plan] = jobs[jobs.length - 1].description.split('\n');
    expect(site).toMatch(/^collect at test\/sql\/job-descriptions\.test\.ts:\d+:\d+$/);
    expect(text).toBe(sql);
    expect(header).toBe('== Physical Plan ==');
    expect(plan.join('\n')).toBe(query.explainString().replace('== Physical Plan ==\n', '').trimEnd());
  });

  it('DataFrame code’s jobs carry the action, call site and plan, and no SQL text', async () => {
    const df = fc.table('sales').groupBy('grp').agg(F.max('amount').alias('top'));
    const jobs = await jobsOf(() => df.count());
    const lines = jobs[jobs.length - 1].description.split('\n');
    expect(lines[0]).toMatch(/^count at test\/sql\/job-descriptions\.test\.ts:\d+:\d+$/);
    expect(lines[1]).toBe('== Physical Plan ==');
    expect(lines[2]).toMatch(/^HashAggregate\(keys=\[grp#\d+\], functions=\[max\(amount#\d+\)\]\)$/);
  });

  it('every job of an action that runs several says which action and call site it serves', async () => {
    const sorted = fc.sql('SELECT s.id, l.label FROM sales s JOIN labels l ON s.grp = l.grp ORDER BY s.id DESC');
    const jobs = await jobsOf(() => sorted.show());
    // The broadcast side is collected by a job of its own before the main one.
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const job of jobs) expect(job.description).toMatch(/showString at test\/sql\/job-descriptions\.test\.ts:\d+:\d+/);
    const main = jobs[jobs.length - 1].description;
    expect(main).toMatch(/^showString at test\/sql\/job-descriptions\.test\.ts:\d+:\d+\nSELECT s\.id, l\.label FROM sales s JOIN labels l ON s\.grp = l\.grp ORDER BY s\.id DESC\n== Physical Plan ==\n/);
    expect(main).toContain('BroadcastHashJoin');
  });
});
