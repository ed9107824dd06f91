/** fc.read.csv/json of dfs:// paths on local-cluster[2,1]: the lines of DFS block splits, parsed in tasks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext, functions as F } from '@flint/driver';

const BLOCK_SIZE = 64 * 1024;
const people = Array.from({ length: 6_000 }, (_, i) => ({ id: i, name: `p${i}`, age: i % 97 }));

describe('reading CSV and JSON lines from Flint DFS', () => {
  let fc: FlintContext;

  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'readers-dfs' });
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    try {
      const csv = ['id,name,age', ...people.map((p) => `${p.id},${p.name},${p.age}`)].join('\n') + '\n';
      const bad = csv.replace('\n17,p17,17\n', '\n17,p17,old\n');
      const json = people.map((p) => JSON.stringify(p)).join('\n') + '\n';
      await client.writeFile('/people/a.csv', Buffer.from(csv), { replication: 2, blockSize: BLOCK_SIZE });
      await client.writeFile('/people-bad/a.csv', Buffer.from(bad), { replication: 2, blockSize: BLOCK_SIZE });
      await client.writeFile('/people/b.json', Buffer.from(json), { replication: 2, blockSize: BLOCK_SIZE });
    } finally {
      client.close();
    }
  });
  afterAll(async () => {
    await fc?.stop();
  });

  it('reads CSV across blocks with a schema, dropping the header', async () => {
    const df = fc.read.csv('dfs:///people/a.csv', { header: true, schema: 'id INT, name STRING, age INT' });
    expect(df.rdd.getNumPartitions()).toBeGreaterThan(1);
    const [summary] = await df.agg(F.count('*').alias('n'), F.sum('id').alias('ids'), F.sum('age').alias('ages')).collect();
    expect(summary).toEqual({
      n: people.length,
      ids: people.reduce((s, p) => s + p.id, 0),
      ages: people.reduce((s, p) => s + p.age, 0),
    });
  });

  it('reads JSON lines with a schema', async () => {
    const rows = await fc.read.schema('id BIGINT, name STRING, age BIGINT').json('dfs:///people/b.json').orderBy('id').collect();
    expect(rows).toEqual(people);
  });

  it('applies FAILFAST, naming the path and the line within its split', async () => {
    const df = fc.read.csv('dfs:///people-bad/a.csv', { header: true, schema: 'id INT, name STRING, age INT', mode: 'FAILFAST' });
    await expect(df.collect()).rejects.toThrow(/Malformed CSV record in dfs:\/\/\/people-bad\/a\.csv at line 19 of a DFS split: field 'age' \(column 3\) has 'old', not a int/);
  });

  // Spark's input_file_name() is the full URI of the file a row was read from (hdfs://namenode/path).
  it('input_file_name() is each row\'s file as a dfs:// URI with the namenode, for CSV, JSON and text', async () => {
    const uri = (path: string) => `dfs://${fc.namenode}${path}`;
    const csv = fc.read.csv('dfs:///people', { header: true, schema: 'id INT, name STRING, age INT' });
    const files = await csv.groupBy(F.input_file_name().alias('file')).count().orderBy('file').collect();
    expect(files).toEqual([{ file: uri('/people/a.csv'), count: people.length }, { file: uri('/people/b.json'), count: people.length }]);
    const json = fc.read.schema('id BIGINT').json('dfs:///people/b.json');
    expect(await json.select(F.input_file_name().alias('file')).distinct().collect()).toEqual([{ file: uri('/people/b.json') }]);
    const text = fc.read.text('dfs:///people/a.csv');
    expect(await text.select(F.input_file_name().alias('file')).distinct().collect()).toEqual([{ file: uri('/people/a.csv') }]);
  });

  it('asks for a schema, since it infers schemas from local files only', () => {
    expect(() => fc.read.csv('dfs:///people/a.csv', { header: true, inferSchema: true })).toThrow(
      "read.csv from dfs:// needs a schema (.schema('a INT, b STRING') or the schema option): Flint infers schemas from local files only",
    );
  });
});
