// Subquery expressions (as the SQL front end builds them: unresolved plans inside `subquery`
// expressions) are rewritten into semi, anti and left joins. Answers are computed by hand over
// the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, IntegerType, sessionFor, type DataFrame, type Expr, type LogicalPlan } from '@flint/driver';

let fc: FlintContext;

const column = (name: string, qualifier?: string): Expr => (qualifier ? { kind: 'column', name, qualifier } : { kind: 'column', name });
const eq = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: '=', left, right });
const table = (name: string, alias?: string): LogicalPlan =>
  alias ? { kind: 'subqueryAlias', alias, child: { kind: 'unresolvedRelation', name } } : { kind: 'unresolvedRelation', name };
const where = (child: LogicalPlan, condition: Expr): LogicalPlan => ({ kind: 'filter', child, condition });
const select = (child: LogicalPlan, ...exprs: Expr[]): LogicalPlan => ({ kind: 'project', child, exprs });
const subquery = (mode: 'scalar' | 'exists' | 'in', plan: LogicalPlan, child?: Expr): Expr => ({ kind: 'subquery', mode, plan, ...(child ? { child } : {}) });
const not = (child: Expr): Expr => ({ kind: 'unary', op: 'NOT', child });
const run = (plan: LogicalPlan): DataFrame => sessionFor(fc).dataFrame(plan);
const names = async (df: DataFrame) => (await df.collect()).map((r) => r.name).sort();

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-subqueries' });
  fc.createDataFrame([
    { c_id: 1, name: 'ann' },
    { c_id: 2, name: 'bob' },
    { c_id: 3, name: 'cy' },
  ]).createOrReplaceTempView('customers');
  fc.createDataFrame([
    { o_id: 10, cust: 1, total: 5 },
    { o_id: 11, cust: 1, total: 7 },
    { o_id: 12, cust: 3, total: 1 },
  ]).createOrReplaceTempView('orders');
});

afterAll(async () => {
  await fc.stop();
});

describe('predicate subqueries', () => {
  const ordersOf = () => where(table('orders', 'o'), eq(column('cust', 'o'), column('c_id', 'c')));

  it('EXISTS is a left semi join on the correlated predicate', async () => {
    const plan = select(where(table('customers', 'c'), subquery('exists', ordersOf())), { kind: 'star' });
    const df = run(plan);
    expect(df.columns).toEqual(['c_id', 'name']);
    expect(await names(df)).toEqual(['ann', 'cy']);
  });

  it('NOT EXISTS is a left anti join', async () => {
    expect(await names(run(where(table('customers', 'c'), not(subquery('exists', ordersOf())))))).toEqual(['bob']);
  });

  it('IN and NOT IN over an uncorrelated subquery', async () => {
    const custs = select(table('orders'), column('cust'));
    expect(await names(run(where(table('customers'), subquery('in', custs, column('c_id')))))).toEqual(['ann', 'cy']);
    expect(await names(run(where(table('customers'), not(subquery('in', custs, column('c_id'))))))).toEqual(['bob']);
  });

  it('a scalar subquery compared in WHERE', async () => {
    const average: LogicalPlan = select(table('orders'), { kind: 'call', name: 'avg', args: [column('total')] });
    const df = run(where(table('orders'), { kind: 'binary', op: '>', left: column('total'), right: subquery('scalar', average) }));
    expect((await df.collect()).map((r) => r.o_id)).toEqual([10, 11]);
  });

  it('a correlated scalar subquery with an aggregate becomes a grouped left join', async () => {
    const maxTotal: LogicalPlan = select(ordersOf(), { kind: 'call', name: 'max', args: [column('total', 'o')] });
    const df = run(select(table('customers', 'c'), column('name'), { kind: 'alias', child: subquery('scalar', maxTotal), name: 'top', id: -1000 }));
    expect(df.columns).toEqual(['name', 'top']);
    const rows = (await df.collect()).sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(rows).toEqual([
      { name: 'ann', top: 7 },
      { name: 'bob', top: null },
      { name: 'cy', top: 1 },
    ]);
  });

  it('a view read twice gets distinct columns (self-join through SQL-style references)', async () => {
    const plan: LogicalPlan = {
      kind: 'join',
      left: table('orders', 'a'),
      right: table('orders', 'b'),
      joinType: 'inner',
      condition: { kind: 'binary', op: 'AND', left: eq(column('cust', 'a'), column('cust', 'b')), right: { kind: 'binary', op: '<', left: column('o_id', 'a'), right: column('o_id', 'b') } },
    };
    const rows = await run(select(plan, column('o_id', 'a'), { kind: 'alias', child: column('o_id', 'b'), name: 'other', id: -1001 })).collect();
    expect(rows).toEqual([{ o_id: 10, other: 11 }]);
  });
});

describe('references SQL allows beyond the select list', () => {
  const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args });
  const alias = (child: Expr, name: string, id: number): Expr => ({ kind: 'alias', child, name, id });

  it('HAVING reads an aggregate the select list does not show', async () => {
    const grouped: LogicalPlan = { kind: 'aggregate', child: table('orders'), groupBy: [column('cust')], aggregates: [column('cust'), alias(call('sum', column('total')), 'spent', -2000)] };
    const one: Expr = { kind: 'literal', value: 1, dataType: new IntegerType() };
    const having = where(grouped, { kind: 'binary', op: '>', left: call('count', one), right: one });
    const df = run(having);
    expect(df.columns).toEqual(['cust', 'spent']);
    expect(await df.collect()).toEqual([{ cust: 1, spent: 12 }]);
  });

  it('ORDER BY a column the projection dropped', async () => {
    const plan: LogicalPlan = { kind: 'sort', child: select(table('orders'), column('o_id')), orders: [{ kind: 'sortOrder', child: column('total'), ascending: true, nullsFirst: true }], global: true };
    const df = run(plan);
    expect(df.columns).toEqual(['o_id']);
    expect((await df.collect()).map((r) => r.o_id)).toEqual([12, 10, 11]);
  });

  it('ORDER BY an aggregate that is not selected', async () => {
    const grouped: LogicalPlan = { kind: 'aggregate', child: table('orders'), groupBy: [column('cust')], aggregates: [column('cust')] };
    const plan: LogicalPlan = { kind: 'sort', child: grouped, orders: [{ kind: 'sortOrder', child: call('sum', column('total')), ascending: false, nullsFirst: false }], global: true };
    expect((await run(plan).collect()).map((r) => r.cust)).toEqual([1, 3]);
  });
});
