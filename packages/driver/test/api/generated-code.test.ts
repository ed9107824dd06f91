// Generated code (as the SQL layer ships it) runs as a first-class function: FnRef.fromSource
// gives a function that transformations accept, serialized and compiled on task threads exactly
// as user functions are. The reference is the same logic applied with plain array methods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { FnRef } from '@flint/rdd';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-generated-code' });
});

afterAll(async () => {
  await fc.stop();
});

describe('generated code in a job', () => {
  it('runs a generated element function with its env', async () => {
    const scale = FnRef.fromSource('(row, env) => ({ id: row.id, total: row.price * env.rate })', { rate: 2 });
    const rows = [1, 2, 3, 4, 5].map((id) => ({ id, price: id * 10 }));
    const result = await fc.parallelize(rows, 3).map(scale as never).collect();
    expect(result).toEqual(rows.map((row) => ({ id: row.id, total: row.price * 2 })));
  });

  it('runs a generated partition function built by an expression with its own helpers', async () => {
    const kernel = FnRef.fromSource(`(() => {
      const keep = (x, min) => x >= min;
      return function* (rows, env) { for (const x of rows) if (keep(x, env.min)) yield x * x; };
    })()`, { min: 3 });
    const data = Array.from({ length: 20 }, (_, i) => i);
    const result = await fc.parallelize(data, 4).mapPartitions(kernel as never).collect();
    expect(result).toEqual(data.filter((x) => x >= 3).map((x) => x * x));
  });
});
