import { describe, expect, it } from 'vitest';
import type { LogicalPlan, PlanOf, RowSource } from '../../src/plan/logical-plan.js';
import { initialJoinPartitions } from '../../src/physical/adaptive/initial-partitions.js';

const MB = 1024 * 1024;
const options = { enabled: true, advisoryPartitionSize: 16 * MB, minPartitionSize: MB, parallelismFirst: true, parallelism: 2, initialPartitionNum: 200 };

const relation = (sizeInBytes: number | undefined): LogicalPlan => ({ kind: 'relation', output: [], source: { description: 'test', sizeInBytes, toRdd: () => undefined } as unknown as RowSource });
const join = (left: LogicalPlan, right: LogicalPlan): PlanOf<'join'> => ({ kind: 'join', left, right, joinType: 'inner', condition: undefined }) as PlanOf<'join'>;

describe('the partitions a shuffled join starts with before coalescing', () => {
  it('gives each about the advisory size of both sides, within [shuffle partitions, initialPartitionNum]', () => {
    expect(initialJoinPartitions(join(relation(750 * MB), relation(170 * MB)), 2, options)).toBe(58);
    expect(initialJoinPartitions(join(relation(4 * MB), relation(MB)), 2, options)).toBe(2);
    expect(initialJoinPartitions(join(relation(40_000 * MB), relation(MB)), 2, options)).toBe(200);
  });

  it('passes sizes up through joins, and takes initialPartitionNum when a side is unknown', () => {
    expect(initialJoinPartitions(join(join(relation(100 * MB), relation(60 * MB)), relation(16 * MB)), 2, options)).toBe(11);
    expect(initialJoinPartitions(join(relation(undefined), relation(MB)), 2, options)).toBe(200);
  });
});
