import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { generateTpch } from '../benchmarks/tpch/generate.js';
import { tpchQuery } from '../benchmarks/tpch/queries.js';
import { DuckDbReference } from '../test/sql/duckdb-reference.js';
import { rowsDifference } from '../test/sql/compare-rows.js';
import { tpchDataFrame } from './tpch/query.js';

const run = promisify(execFile);
const script = join(import.meta.dirname, 'tpch.ts');

describe('TPC-H example', () => {
  const bed = useTestBed('tpch-example-test');
  let data: string;
  let db: DuckDbReference;

  beforeAll(async () => {
    data = join(bed.dir, 'sf0.01');
    generateTpch(0.01, data);
    db = await DuckDbReference.withTpch(data);
  });
  afterAll(() => db?.close());

  it.each([1, 5, 13])('q%i gives DuckDB’s answer over the same files', async (n) => {
    const rows = await tpchDataFrame(bed.fc, data, n).collect();
    expect(rowsDifference(rows, await db.query(tpchQuery(n)), { relativeTolerance: 1e-6 })).toBeNull();
  }, 60_000);

  it('prints the answer table from the command line', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--query', '5', '--master', 'local[2]', data]);
    const expected = await db.query(tpchQuery(5));
    expect(stdout).toContain('|n_name   |revenue           |');
    for (const row of expected) expect(stdout).toContain(`|${row.n_name}`);
  }, 60_000);

  it('says in one line which query numbers exist', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', script, '--query', '23', data]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    // The context's start-up line (the driver UI's address) comes first; the error is one line.
    const lines = (failure?.stderr ?? '').trim().split('\n').filter((line) => !line.startsWith('Flint driver UI available at '));
    expect(lines).toEqual(['tpch: TPC-H has queries 1 to 22, not 23']);
  }, 60_000);
});
