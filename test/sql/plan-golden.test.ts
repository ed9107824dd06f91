/**
 * Plan-text golden tests (as Ballista's): the same query written in SQL and with the DataFrame API
 * over the same views gives the same optimized plan, and explain() prints each mode in Spark's
 * layout. Expression ids depend on how many expressions a session has made, so both sides are
 * renumbered in order of first appearance before comparing (`a#17L` becomes `a#1L`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, col, functions as F, type DataFrame } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.conf.set('spark.sql.shuffle.partitions', '4');
  fc.createDataFrame([{ a: 1, b: 'x', c: 2.5 }, { a: 2, b: 'y', c: 1 }], 'a BIGINT, b STRING, c DOUBLE').createOrReplaceTempView('t');
  fc.createDataFrame([{ b: 'x', d: 10 }], 'b STRING, d BIGINT').createOrReplaceTempView('u');
});
afterAll(async () => fc?.stop());

function renumberIds(text: string): string {
  const ids = new Map<string, number>();
  return text.replace(/#(\d+)/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size + 1);
    return `#${ids.get(id)}`;
  });
}

function optimizedPlan(df: DataFrame): string {
  const text = df.explainString('extended');
  return renumberIds(text.slice(text.indexOf('== Optimized Logical Plan =='), text.indexOf('== Physical Plan ==')));
}

describe('a query in SQL and in DataFrame code has one optimized plan', () => {
  const t = () => fc.table('t');
  const u = () => fc.table('u');
  const joined = (how: string, on: (x: DataFrame, y: DataFrame) => ReturnType<typeof col>) => {
    const x = t();
    const y = u();
    return { x, y, df: x.join(y, on(x, y), how) };
  };
  const cases: [string, string, () => DataFrame][] = [
    ['filters and projections', "SELECT a, c * 2 AS c2 FROM t WHERE a > 1 AND b = 'x'",
      () => t().where(col('a').gt(1).and(col('b').equalTo('x'))).select(col('a'), col('c').multiply(2).alias('c2'))],
    ['an aggregate with HAVING', 'SELECT b, sum(c) AS s, count(*) AS n FROM t GROUP BY b HAVING sum(c) > 1',
      () => t().groupBy('b').agg(F.sum('c').alias('s'), F.count('*').alias('n')).where(col('s').gt(1))],
    ['a join with a filter on one side', 'SELECT t.a, u.d FROM t JOIN u ON t.b = u.b WHERE u.d > 5', () => {
      const { x, y, df } = joined('inner', (l, r) => l.col('b').equalTo(r.col('b')));
      return df.where(y.col('d').gt(5)).select(x.col('a'), y.col('d'));
    }],
    ['a left outer join', 'SELECT t.a, u.d FROM t LEFT JOIN u ON t.b = u.b', () => {
      const { x, y, df } = joined('left', (l, r) => l.col('b').equalTo(r.col('b')));
      return df.select(x.col('a'), y.col('d'));
    }],
    ['a window function', 'SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) AS rn FROM t',
      () => t().select(col('a'), F.row_number().over(Window.partitionBy('b').orderBy('c')).alias('rn'))],
    ['a sort with a limit', 'SELECT a, c FROM t ORDER BY c DESC LIMIT 5', () => t().select('a', 'c').orderBy(F.desc('c')).limit(5)],
    ['DISTINCT', 'SELECT DISTINCT b FROM t', () => t().select('b').distinct()],
    ['an IN subquery (a left semi join)', 'SELECT a FROM t WHERE b IN (SELECT b FROM u)', () => {
      const x = t();
      const y = u().select('b');
      return x.join(y, x.col('b').equalTo(y.col('b')), 'left_semi').select('a');
    }],
    ['a NOT EXISTS subquery (a left anti join)', 'SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.b = t.b)', () => {
      const x = t();
      const y = u().select(F.lit(1).alias('1'), col('b'));
      return x.join(y, y.col('b').equalTo(x.col('b')), 'left_anti').select('a');
    }],
  ];

  it.each(cases)('%s', (_, sql, dataFrame) => {
    const fromSql = optimizedPlan(fc.sql(sql));
    expect(fromSql).toContain('LocalRelation');
    expect(optimizedPlan(dataFrame())).toBe(fromSql);
  });

  it('different queries keep different plans after renumbering', () => {
    expect(optimizedPlan(fc.sql('SELECT a FROM t WHERE a > 1'))).not.toBe(optimizedPlan(fc.sql('SELECT a FROM t WHERE a > 2')));
    expect(optimizedPlan(fc.sql('SELECT b FROM t'))).not.toBe(optimizedPlan(fc.sql('SELECT b FROM u')));
  });
});

describe('explain() modes, golden text', () => {
  const query = () => fc.sql('SELECT b, sum(c) AS total FROM t WHERE a > 1 GROUP BY b ORDER BY total DESC');

  it('simple: the physical plan', () => {
    expect(renumberIds(query().explainString())).toBe(`== Physical Plan ==
Sort [total#1 DESC NULLS LAST], true
+- Exchange rangepartitioning(total#1 DESC NULLS LAST, 4)
   +- HashAggregate(keys=[b#2], functions=[sum(c#3)])
      +- Exchange hashpartitioning(b#2, 4)
         +- HashAggregate(keys=[b#2], functions=[partial_sum(c#3)])
            +- Project [b#2, c#3]
               +- Filter (a#4L > 1)
                  +- Scan LocalRelation [a#4L, b#2, c#3]
`);
  });

  it('extended: parsed, analyzed, optimized and physical plans, then the stages', () => {
    expect(renumberIds(query().explainString('extended'))).toBe(`== Parsed Logical Plan ==
Sort [total DESC NULLS LAST], true
+- Aggregate [b], [b, sum(c) AS total#1]
   +- Filter (a > 1)
      +- 'UnresolvedRelation [t]

== Analyzed Logical Plan ==
b: string, total: double
Sort [total#1 DESC NULLS LAST], true
+- Aggregate [b#2], [b#2, sum(c#3) AS total#1]
   +- Filter (a#4L > CAST(1 AS BIGINT))
      +- SubqueryAlias t
         +- Project [a#5L AS a#4, b#6 AS b#2, c#7 AS c#3]
            +- LocalRelation [a#5L, b#6, c#7]

== Optimized Logical Plan ==
Sort [total#1 DESC NULLS LAST], true
+- Aggregate [b#6], [b#6, sum(c#7) AS total#1]
   +- Project [b#6, c#7]
      +- Filter (a#5L > 1)
         +- LocalRelation [a#5L, b#6, c#7]

== Physical Plan ==
Sort [total#1 DESC NULLS LAST], true
+- Exchange rangepartitioning(total#1 DESC NULLS LAST, 4)
   +- HashAggregate(keys=[b#6], functions=[sum(c#7)])
      +- Exchange hashpartitioning(b#6, 4)
         +- HashAggregate(keys=[b#6], functions=[partial_sum(c#7)])
            +- Project [b#6, c#7]
               +- Filter (a#5L > 1)
                  +- Scan LocalRelation [a#5L, b#6, c#7]

== Stages ==
Stage 1 (shuffle map, hashpartitioning(b#6, 4)): Scan LocalRelation -> Filter -> Project -> HashAggregate
Stage 2 (shuffle map, rangepartitioning(total#1 DESC NULLS LAST, 4)): HashAggregate; reads stage 1
Stage 3 (result): Sort; reads stage 2
`);
  });

  it('formatted: the numbered outline, then each operator with its details', () => {
    expect(renumberIds(query().explainString('formatted'))).toBe(`== Physical Plan ==
* Sort (8)
+- Exchange (7)
   +- * HashAggregate (6)
      +- Exchange (5)
         +- * HashAggregate (4)
            +- * Project (3)
               +- * Filter (2)
                  +- Scan LocalRelation (1)


(1) Scan LocalRelation
Output [3]: [a#1L, b#2, c#3]

(2) Filter [codegen id : 1]
Input [3]: [a#1L, b#2, c#3]
Condition : (a#1L > 1)

(3) Project [codegen id : 1]
Output [2]: [b#2, c#3]
Input [3]: [a#1L, b#2, c#3]

(4) HashAggregate [codegen id : 1]
Input [2]: [b#2, c#3]
Keys [1]: [b#2]
Functions [1]: [partial_sum(c#3)]

(5) Exchange
Input [2]: [b#2, c#3]
Arguments: hashpartitioning(b#2, 4)

(6) HashAggregate [codegen id : 2]
Keys [1]: [b#2]
Functions [1]: [sum(c#3)]
Results [2]: [b#2, sum(c#3) AS total#4]

(7) Exchange
Input [2]: [b#2, total#4]
Arguments: rangepartitioning(total#4 DESC NULLS LAST, 4)

(8) Sort [codegen id : 3]
Input [2]: [b#2, total#4]
Arguments: [total#4 DESC NULLS LAST], true
`);
  });

  it('formatted: a shuffled join reads two exchanges in one generated function; a broadcast join broadcasts its small side', () => {
    const join = () => fc.sql('SELECT t.a, u.d FROM t JOIN u ON t.b = u.b');
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    const shuffled = renumberIds(join().explainString('formatted'));
    fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    expect(shuffled.split('\n\n\n')[0]).toBe(`== Physical Plan ==
* Project (7)
+- * ShuffledHashJoin Inner BuildRight (6)
   :- Exchange (3)
   :  +- * Project (2)
   :     +- Scan LocalRelation (1)
   +- Exchange (5)
      +- Scan LocalRelation (4)`);
    // Only t's columns the query reads (a, and the key b) are scanned; u's are all read.
    expect(shuffled).toContain('(1) Scan LocalRelation\nOutput [2]: [a#1L, b#2]\n');
    expect(shuffled).toContain(`(6) ShuffledHashJoin [codegen id : 2]
Left keys [1]: [b#2]
Right keys [1]: [b#3]
Join type: Inner
Join condition: None`);
    expect(renumberIds(join().explainString('formatted')).split('\n\n\n')[0]).toBe(`== Physical Plan ==
* Project (6)
+- * BroadcastHashJoin Inner BuildRight (5)
   :- * Project (2)
   :  +- Scan LocalRelation (1)
   +- BroadcastExchange (4)
      +- Scan LocalRelation (3)`);
  });

  // Spark's BaseJoinExec.verboseStringWithOperatorId (keys only when there are) and the outline of
  // simpleStringWithNodeId: `$nodeName $joinType $buildSide` for hash and broadcast nested loop
  // joins, `CartesianProduct Inner` (sql-tests/results/explain.sql.out: `* BroadcastHashJoin Inner BuildRight (10)`).
  it('formatted: each join names its type (and build side) in the outline, and lists keys, Join type and Join condition', () => {
    const formatted = (query: string) => {
      const [outline, details] = renumberIds(fc.sql(query).explainString('formatted')).trimEnd().split('\n\n\n');
      const join = details!.split('\n\n').find((d) => /^\(\d+\) \w*(Join|Product)/.test(d))!;
      return { outline: outline!.split('\n').filter((l) => /Join|Product/.test(l)).map((l) => l.trim()), join: join.split('\n').slice(1) };
    };
    expect(formatted('SELECT t.a, u.d FROM t RIGHT JOIN u ON t.b = u.b')).toEqual({
      outline: ['+- * BroadcastHashJoin RightOuter BuildLeft (5)'],
      join: ['Left keys [1]: [b#2]', 'Right keys [1]: [b#3]', 'Join type: RightOuter', 'Join condition: None'],
    });
    expect(formatted('SELECT t.a, u.d FROM t LEFT JOIN u ON t.a < u.d')).toEqual({
      outline: ['* BroadcastNestedLoopJoin LeftOuter BuildRight (6)'],
      join: ['Join type: LeftOuter', 'Join condition: (a#1L < d#2L)'],
    });
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    try {
      expect(formatted('SELECT t.a, u.d FROM t JOIN u ON t.a < u.d')).toEqual({
        outline: ['CartesianProduct Inner (5)'],
        join: ['Join type: Inner', 'Join condition: (a#1L < d#2L)'],
      });
      expect(formatted('SELECT t.a FROM t LEFT SEMI JOIN u ON t.b = u.b AND t.a < u.d').join).toEqual(
        ['Left keys [1]: [b#2]', 'Right keys [1]: [b#3]', 'Join type: LeftSemi', 'Join condition: (a#1L < d#4L)']);
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  it('cost: the optimized plan with the size estimates join selection uses', () => {
    const text = renumberIds(query().explainString('cost'));
    expect(text.split('\n\n')[0]).toBe(`== Optimized Logical Plan ==
Sort [total#1 DESC NULLS LAST], true, Statistics(sizeInBytes=unknown)
+- Aggregate [b#2], [b#2, sum(c#3) AS total#1], Statistics(sizeInBytes=unknown)
   +- Project [b#2, c#3], Statistics(sizeInBytes=128.0 B)
      +- Filter (a#4L > 1), Statistics(sizeInBytes=128.0 B)
         +- LocalRelation [a#4L, b#2, c#3], Statistics(sizeInBytes=128.0 B)`);
    expect(text).toContain('== Physical Plan ==\nSort [total#1 DESC NULLS LAST], true\n');
  });

  it('codegen: the generated stage functions, numbered, each a JavaScript function', () => {
    const text = query().explainString('codegen');
    const count = Number(/\n\nFound (\d+) generated functions\.\n/.exec(text)?.[1]);
    const functions = text.split(/\n\n== Function \d+ \/ \d+ ==\n/).slice(1);
    expect(functions).toHaveLength(count);
    // Partial aggregation, final aggregation, the range sort's sampling and sorting: at least three.
    expect(count).toBeGreaterThanOrEqual(3);
    for (const numbered of functions) {
      const source = numbered.trimEnd().split('\n').map((line) => line.replace(/^\/\* \d{3} \*\/ ?/, '')).join('\n');
      expect(typeof new Function(`return ${source}`)()).toBe('function');
    }
    expect(text).toContain('> 1');
  });

  it('EXPLAIN FORMATTED in SQL returns the same text as one row', async () => {
    const [row] = await fc.sql('EXPLAIN FORMATTED SELECT b, sum(c) AS total FROM t WHERE a > 1 GROUP BY b ORDER BY total DESC').collect();
    expect(renumberIds(row!.plan as string)).toBe(renumberIds(query().explainString('formatted')));
    const [extended] = await fc.sql('EXPLAIN EXTENDED SELECT b FROM t WHERE a > 1').collect();
    expect(extended!.plan).toContain("== Parsed Logical Plan ==\nProject [b]\n+- Filter (a > 1)\n   +- 'UnresolvedRelation [t]\n");
  });
});
