/**
 * The names of hoisted declarations that a loop function receives through its state
 * (codegen/loop-state.ts): every declarator of `const`/`let` statements, brackets and all; code
 * that is anything else (a call, a string that could hide a separator) is refused.
 */
import { describe, expect, it } from 'vitest';
import { declaredNames } from '../../src/physical/codegen/loop-state.js';

describe('declaredNames', () => {
  it("names each declarator of a probe's declarations, commas inside calls and brackets aside", () => {
    const code = 'const bj0t = probeIndex(env.probeTable0.value), bj0index = bj0t.index, bj0c1 = bj0t.probeColumns[1], pair = f(a, [b, c]);\nlet n = 0;';
    expect(declaredNames(code)).toEqual(['bj0t', 'bj0index', 'bj0c1', 'pair', 'n']);
  });

  it('refuses a statement that is no declaration, and code with strings', () => {
    expect(declaredNames('const a = 1; a++;')).toBeUndefined();
    expect(declaredNames("const a = f(';'), b = 2;")).toBeUndefined();
    expect(declaredNames('let x;')).toBeUndefined();
  });
});
