import { describe, expect, it } from 'vitest';
import { rowsDifference } from './compare-rows.js';

describe('rowsDifference', () => {
  const expected = [{ k: 'a', v: 1.5 }, { k: 'b', v: 2 }];

  it('accepts equal rows, numbers within the tolerance, and any order unless ordered', () => {
    expect(rowsDifference([{ k: 'a', v: 1.5 + 1e-12 }, { k: 'b', v: 2 }], expected)).toBeNull();
    expect(rowsDifference([{ k: 'b', v: 2 }, { k: 'a', v: 1.5 }], expected)).toBeNull();
    expect(rowsDifference([{ k: 'b', v: 2 }, { k: 'a', v: 1.5 }], expected, { ordered: true }))
      .toBe('row 0, column k: expected a, got b');
  });

  it('names the first difference', () => {
    expect(rowsDifference([{ k: 'a', v: 1.5 }], expected)).toBe('expected 2 rows, got 1');
    expect(rowsDifference([{ k: 'a', v: 1.6 }, { k: 'b', v: 2 }], expected)).toBe('row 0, column v: expected 1.5, got 1.6');
    expect(rowsDifference([{ k: 'a', w: 1.5 }, { k: 'b', w: 2 }], expected)).toBe('expected columns [k, v], got [k, w]');
    expect(rowsDifference([{ d: new Date(0) }], [{ d: new Date(1) }])).toMatch(/^row 0, column d: expected /);
    expect(rowsDifference([{ n: null }], [{ n: 0 }])).toBe('row 0, column n: expected 0, got null');
  });
});
