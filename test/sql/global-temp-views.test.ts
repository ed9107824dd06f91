// Global temporary views through SQL, as Spark's GlobalTempViewSuite and the PySpark catalog docstrings
// show them: CREATE GLOBAL TEMPORARY VIEW v is read as global_temp.v only, DROP VIEW / DESCRIBE /
// catalog.tableExists('global_temp.v') act on it, and a session view v is a separate view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'sql-global-temp-views' });
});

afterAll(async () => {
  await fc.stop();
});

describe('CREATE GLOBAL TEMPORARY VIEW', () => {
  it('is read, described, found and dropped as global_temp.v, apart from a session view v', async () => {
    fc.sql("CREATE GLOBAL TEMPORARY VIEW src AS SELECT 1 AS a, 'x' AS b");
    expect(await fc.sql('SELECT a, b FROM global_temp.src').collect()).toEqual([{ a: 1, b: 'x' }]);
    expect(() => fc.sql('SELECT * FROM src')).toThrow('[TABLE_OR_VIEW_NOT_FOUND] The table or view `src` cannot be found.');
    expect(fc.catalog.tableExists('global_temp.src')).toBe(true);
    expect(fc.catalog.tableExists('src')).toBe(false);
    const described = await fc.sql('DESCRIBE global_temp.src').collect();
    expect(described.map((r) => [r.col_name, r.data_type])).toEqual([['a', 'int'], ['b', 'string']]);
    expect(() => fc.sql('CREATE GLOBAL TEMPORARY VIEW src AS SELECT 2 AS a')).toThrow(
      '[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `global_temp`.`src` because it already exists.',
    );

    fc.sql('CREATE TEMPORARY VIEW src AS SELECT 2 AS c');
    expect(await fc.sql('SELECT * FROM src').collect()).toEqual([{ c: 2 }]);
    expect(await fc.sql('SELECT * FROM global_temp.src').collect()).toEqual([{ a: 1, b: 'x' }]);
    expect(fc.catalog.listTables().map((t) => t.name)).toEqual(['src']);

    fc.sql('DROP VIEW global_temp.src');
    expect(fc.catalog.tableExists('global_temp.src')).toBe(false);
    expect(() => fc.sql('SELECT * FROM global_temp.src')).toThrow('[TABLE_OR_VIEW_NOT_FOUND]');
    expect(await fc.sql('SELECT * FROM src').collect()).toEqual([{ c: 2 }]);
    expect(() => fc.sql('DROP VIEW global_temp.src')).toThrow('[TABLE_OR_VIEW_NOT_FOUND] The table or view `global_temp`.`src` cannot be found.');
    fc.sql('DROP VIEW IF EXISTS global_temp.src');
    fc.sql('DROP VIEW src');
    expect(fc.catalog.tableExists('src')).toBe(false);
  });

  it('shares one catalog with createGlobalTempView and dropGlobalTempView; a session view takes one name part', async () => {
    fc.createDataFrame([{ n: 7 }]).createGlobalTempView('shared');
    expect(fc.sql('CREATE GLOBAL TEMPORARY VIEW IF NOT EXISTS shared AS SELECT 0 AS n')).toBeDefined();
    expect(await fc.sql('SELECT n FROM global_temp.shared').collect()).toEqual([{ n: 7 }]);
    fc.sql('CREATE OR REPLACE GLOBAL TEMPORARY VIEW shared AS SELECT 8 AS n');
    expect(await fc.table('global_temp.shared').collect()).toEqual([{ n: 8 }]);
    expect(fc.catalog.dropGlobalTempView('shared')).toBe(true);
    expect(fc.catalog.tableExists('global_temp.shared')).toBe(false);
    expect(() => fc.sql('CREATE TEMPORARY VIEW global_temp.w AS SELECT 1')).toThrow(
      '[TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS] CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: `global_temp`.`w`.',
    );
  });
});
