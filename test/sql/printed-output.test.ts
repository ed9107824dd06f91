// What show() and printSchema() write to stdout, byte for byte as PySpark 4 prints them: Spark's
// showString / treeString (each ending in a newline) followed by print()'s own newline.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'sql-printed-output' });
});

afterAll(async () => {
  await fc.stop();
});

async function stdoutOf(action: () => unknown): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await action();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('printed output', () => {
  // pyspark.sql.DataFrame.show / printSchema doctests
  const people = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);

  it('show(2) prints the table, the footer and a blank line, as print(df._show_string(2)) does', async () => {
    const df = people();
    expect(await stdoutOf(() => df.show(2))).toBe(
      '+---+-----+\n|age| name|\n+---+-----+\n| 14|  Tom|\n| 23|Alice|\n+---+-----+\nonly showing top 2 rows\n\n',
    );
  });

  it('printSchema() prints the tree and a blank line (the <BLANKLINE> of the doctest)', async () => {
    const df = people();
    expect(await stdoutOf(() => df.printSchema())).toBe(
      'root\n |-- age: long (nullable = true)\n |-- name: string (nullable = true)\n\n',
    );
  });
});
