import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

describe('column pruning through temp views and subquery aliases (local[2])', () => {
  let fc: FlintContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-view-pruning-'));
    fc = await FlintContext.create({ master: 'local[2]' });
    const path = join(dir, 'sales.csv');
    // `ts` is not a timestamp on line 3: only a query that reads ts may fail on it.
    writeFileSync(path, 'id,region,amount,ts\n1,north,2.5,2024-01-01 00:00:00\n2,south,4,not a time\n3,north,1,2024-01-02 00:00:00\n');
    fc.read.csv(path, { header: true, schema: 'id INT, region STRING, amount DOUBLE, ts TIMESTAMP', mode: 'FAILFAST' }).createOrReplaceTempView('sales');
  });
  afterAll(async () => {
    await fc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a query over the view converts only the columns it reads (the view\'s projection lists them all)', async () => {
    const rows = await fc.sql('SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region ORDER BY region').collect();
    expect(rows).toEqual([{ region: 'north', total: 3.5, n: 2 }, { region: 'south', total: 4, n: 1 }]);
    expect(await fc.sql('SELECT s.id FROM (SELECT * FROM sales) s WHERE s.amount > 1 ORDER BY s.id').collect()).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('a query that reads the bad column still fails in FAILFAST mode', async () => {
    await expect(fc.sql('SELECT max(ts) FROM sales').collect()).rejects.toThrow("field 'ts' (column 4) has 'not a time'");
  });
});
