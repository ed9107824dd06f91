import { describe, expect, it } from 'vitest';
import { decode } from '@flint/rdd';
import { Broadcasts } from '../src/context/broadcasts.js';

describe('Broadcasts', () => {
  it('sends a broadcast’s bytes with the first task on each executor only', () => {
    const broadcasts = new Broadcasts(() => undefined);
    const table = broadcasts.create({ a: 1 });
    const used = [{ id: table.id }];
    const first = broadcasts.forExecutor('e1', used);
    expect(decode(first[0].bytes!)).toEqual({ a: 1 });
    expect(broadcasts.forExecutor('e1', used)).toEqual([{ id: table.id }]);
    expect(broadcasts.forExecutor('e2', used)[0].bytes).toBeDefined();
  });

  it('sends the bytes again after unpersist and to an executor that came back', () => {
    const dropped: number[] = [];
    const broadcasts = new Broadcasts((id) => dropped.push(id));
    const table = broadcasts.create([1, 2, 3]);
    const used = [{ id: table.id }];
    broadcasts.forExecutor('e1', used);
    broadcasts.forExecutor('e2', used);
    table.unpersist();
    expect(dropped).toEqual([table.id]);
    expect(broadcasts.forExecutor('e1', used)[0].bytes).toBeDefined();
    broadcasts.executorRemoved('e2');
    expect(broadcasts.forExecutor('e2', used)[0].bytes).toBeDefined();
  });

  it('refuses a destroyed broadcast', () => {
    const broadcasts = new Broadcasts(() => undefined);
    const table = broadcasts.create('x');
    table.destroy();
    expect(() => broadcasts.forExecutor('e1', [{ id: table.id }])).toThrow(`broadcast ${table.id} does not exist`);
  });
});
