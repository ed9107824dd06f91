import { describe, expect, it } from 'vitest';
import { FnRef } from '../src/index.js';

/** Evaluates a FnRef's source as the worker does (its env as the last argument). */
function evaluate(ref: FnRef): (...args: unknown[]) => unknown {
  const fn = new Function('__name', `return ${ref.source}`)((f: unknown) => f) as (...args: unknown[]) => unknown;
  return (...args) => fn(...args, ref.env);
}

describe('FnRef.fromSource', () => {
  it('makes a function from source text, with its env as the last argument', () => {
    const ref = FnRef.fromSource('(x, env) => Math.max(x * env.k, 0)', { k: 3 }, 'project at query 1');
    expect(ref.site).toBe('project at query 1');
    expect(evaluate(ref)(5)).toBe(15);
    expect(evaluate(ref)(-5)).toBe(0);
  });

  it('accepts an expression that builds the function, with helpers declared inside it', () => {
    const ref = FnRef.fromSource(`(() => {
      const square = (v) => v * v;
      return function* (rows) { for (const row of rows) yield square(row); };
    })() // generated`);
    expect([...(evaluate(ref)([1, 2, 3]) as Iterable<number>)]).toEqual([1, 4, 9]);
  });

  it('names every free variable that is not a JS global', () => {
    expect(() => FnRef.fromSource('(row) => row.a * factor + offset + Math.PI')).toThrow(
      /FnRef\.fromSource \(generated code\): the source uses 'factor', 'offset', which are not JS globals/,
    );
  });

  it('refuses text that is not one expression', () => {
    expect(() => FnRef.fromSource('x => x; y => y')).toThrow(/not one JavaScript expression/);
    expect(() => FnRef.fromSource('(x => x')).toThrow(/not one JavaScript expression/);
    expect(() => FnRef.fromSource('') ).toThrow(/not one JavaScript expression/);
  });
});

describe('FnRef.generated (Flint\'s own generated code)', () => {
  it('makes the same function as fromSource, with its env as the last argument', () => {
    const source = `(() => {
      const square = (v) => v * v;
      return function* (rows, env) { for (const row of rows) yield square(row) + env.k; };
    })() // generated`;
    const ref = FnRef.generated(source, { k: 1 }, 'project at query 2');
    expect(ref.site).toBe('project at query 2');
    expect(ref.source).toBe(FnRef.fromSource(source, { k: 1 }).source);
    expect([...(evaluate(ref)([1, 2, 3]) as Iterable<number>)]).toEqual([2, 5, 10]);
  });

  it('refuses text that is not one expression, a syntax error inside a function body too, without running it', () => {
    expect(() => FnRef.generated('x => x; y => y', {}, 'filter at q')).toThrow(/^FnRef\.generated \(filter at q\): the source is not one JavaScript expression \(/);
    expect(() => FnRef.generated('(x => x')).toThrow(/not one JavaScript expression/);
    expect(() => FnRef.generated('')).toThrow(/not one JavaScript expression/);
    expect(() => FnRef.generated('(rows) => { for (const r of rows) { yield r; } }')).toThrow(/not one JavaScript expression/);
    expect(() => FnRef.generated('(() => { throw new Error("ran"); })()')).not.toThrow();
  });
});
